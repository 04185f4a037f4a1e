import { createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { DEPARTMENTS, Department } from '@complaints/contracts';
import { STAFF_ROLES, StaffClaims, StaffRole } from '@complaints/security';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** For a confidential client; a public client (the console) proves itself with PKCE alone. */
  clientSecret?: string;
  rolesClaim: string;
  departmentsClaim: string;
}

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
}

/** The sign-in was refused: the code, the identity provider or the person's claims (401 to the console). */
export class OidcSignInError extends Error {}

const TIMEOUT_MS = 5_000;

/**
 * The console's OpenID Connect sign-in (authorization code + PKCE): discovery of the identity
 * provider, the code exchange at its token endpoint, the ID token verified against its published
 * keys (issuer, audience, expiry), and its claims mapped onto a staff member's roles and departments.
 */
export class OidcClient {
  private discovery?: Promise<Discovery>;
  private jwks?: JWTVerifyGetKey;

  constructor(readonly settings: OidcSettings) {}

  /** Where the console sends the browser to sign in. */
  async authorizationEndpoint(): Promise<string> {
    return (await this.discover()).authorization_endpoint;
  }

  /** Exchanges an authorization code for the staff claims of who signed in. */
  async signIn(code: string, codeVerifier: string, redirectUri: string): Promise<StaffClaims> {
    const discovery = await this.discover();
    const form = new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: this.settings.clientId,
      code_verifier: codeVerifier,
    });
    if (this.settings.clientSecret) form.set('client_secret', this.settings.clientSecret);
    const response = await fetch(discovery.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: form.toString(),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const tokens = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown; error_description?: unknown };
    if (!response.ok || typeof tokens.id_token !== 'string') {
      // RFC 6749 makes error and error_description strings; String() only keeps a provider that sends something else from throwing here.
      /* eslint-disable @typescript-eslint/no-base-to-string */
      throw new OidcSignInError(
        `the identity provider refused the code (${String(tokens.error ?? response.status)}${tokens.error_description ? `: ${String(tokens.error_description)}` : ''})`,
      );
      /* eslint-enable @typescript-eslint/no-base-to-string */
    }
    this.jwks ??= createRemoteJWKSet(new URL(discovery.jwks_uri), { timeoutDuration: TIMEOUT_MS });
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(tokens.id_token, this.jwks, {
        issuer: this.settings.issuer,
        audience: this.settings.clientId,
        algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      throw new OidcSignInError(`the ID token is not valid (${error instanceof Error ? error.message : String(error)})`);
    }
    return this.claimsOf(payload);
  }

  private claimsOf(payload: JWTPayload): StaffClaims {
    const list = (name: string) =>
      Array.isArray(payload[name])
        ? (payload[name] as unknown[]).map(String)
        : typeof payload[name] === 'string'
          ? String(payload[name]).split(/[\s,]+/)
          : [];
    const roles = list(this.settings.rolesClaim).filter((r): r is StaffRole => STAFF_ROLES.includes(r as StaffRole));
    const departments = list(this.settings.departmentsClaim).filter((d): d is Department => DEPARTMENTS.includes(d as Department));
    if (!payload.sub) throw new OidcSignInError('the ID token names nobody (no sub)');
    if (roles.length === 0) throw new OidcSignInError(`the account has no staff role in its "${this.settings.rolesClaim}" claim`);
    return { sub: payload.sub, roles, departments };
  }

  private discover(): Promise<Discovery> {
    this.discovery ??= (async () => {
      const url = `${this.settings.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
      const body = (await response.json()) as Partial<Discovery>;
      if (!response.ok || !body.authorization_endpoint || !body.token_endpoint || !body.jwks_uri)
        throw new Error(`no usable OpenID configuration at ${url}`);
      return body as Discovery;
    })();
    // A failed discovery is tried again next time rather than remembered.
    this.discovery.catch(() => (this.discovery = undefined));
    return this.discovery;
  }
}
