/**
 * Human-facing complaint reference: C + yyyymmdd + - + 6 Crockford base32 characters.
 * Pure (no Node APIs, no decorators): the customer site checks references with it too.
 */
export const REFERENCE_PATTERN = /^C\d{8}-[0-9A-HJKMNP-TV-Z]{6}$/;
