/** The framework-free part of the security library, for domain code (`@complaints/security/domain`). */
export * from './keyed-fingerprint';
export * from './mask-sensitive-numbers';
export * from './pii-cipher';
