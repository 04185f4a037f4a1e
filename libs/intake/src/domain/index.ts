/** The framework-free part of the intake library, for the intakes' domain code (`@complaints/intake/domain`). */
export * from './complaint-content';
export * from './request-fingerprint';
