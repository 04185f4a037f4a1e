/** Port: checks an app's bearer token and names the customer it was issued to (`sub`). */
export abstract class CustomerTokenVerifier {
  /** Throws InvalidTokenError for a token to refuse, TokenKeysUnavailableError when keys cannot be fetched. */
  abstract verify(token: string): Promise<{ customerId: string }>;
}

/** A token to refuse with 401; the reason says which check failed, never a key. */
export class InvalidTokenError extends Error {
  readonly code = 'INVALID_TOKEN';
}

/** The signing keys (JWKS) could not be fetched: not the caller's fault. */
export class TokenKeysUnavailableError extends Error {
  readonly code = 'TOKEN_KEYS_UNAVAILABLE';
}
