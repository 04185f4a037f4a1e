import { createHash, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';

export interface OidcPerson {
  sub: string;
  claims: Record<string, unknown>;
}

/**
 * A real OpenID Connect provider over HTTP for the console's single sign-on tests: discovery, an
 * authorization endpoint that signs `person` in at once and redirects back with a code, a token
 * endpoint that checks the PKCE verifier (S256) and answers with an RS256 ID token, and its JWKS.
 */
export class OidcProvider {
  /** The authorization requests' query parameters, as received. */
  readonly authorizations: Record<string, string>[] = [];
  person: OidcPerson = { sub: 'sso-user', claims: {} };

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(clientId: string): Promise<OidcProvider> {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    const codes = new Map<string, { challenge: string; redirectUri: string; person: OidcPerson }>();
    // Assigned once the server listens; the request handler, created first, reads it.
    // eslint-disable-next-line prefer-const
    let provider: OidcProvider | undefined;
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', provider!.issuer);
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/.well-known/openid-configuration') {
        return json(200, {
          issuer: provider!.issuer,
          authorization_endpoint: `${provider!.issuer}/authorize`,
          token_endpoint: `${provider!.issuer}/token`,
          jwks_uri: `${provider!.issuer}/jwks`,
          response_types_supported: ['code'],
          code_challenge_methods_supported: ['S256'],
        });
      }
      if (url.pathname === '/jwks') return json(200, { keys: [jwk] });
      if (url.pathname === '/authorize') {
        const query = Object.fromEntries(url.searchParams);
        provider!.authorizations.push(query);
        const back = new URL(query.redirect_uri);
        if (query.client_id !== clientId || query.response_type !== 'code' || query.code_challenge_method !== 'S256') {
          back.searchParams.set('error', 'invalid_request');
        } else {
          const code = randomUUID();
          codes.set(code, { challenge: query.code_challenge, redirectUri: query.redirect_uri, person: provider!.person });
          back.searchParams.set('code', code);
        }
        back.searchParams.set('state', query.state ?? '');
        return res.writeHead(302, { location: back.toString() }).end();
      }
      if (url.pathname === '/token' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
          const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
          const grant = codes.get(form.get('code') ?? '');
          codes.delete(form.get('code') ?? '');
          const verifier = form.get('code_verifier') ?? '';
          const challenge = createHash('sha256').update(verifier).digest('base64url');
          if (
            !grant ||
            grant.challenge !== challenge ||
            grant.redirectUri !== form.get('redirect_uri') ||
            form.get('client_id') !== clientId
          ) {
            return json(400, { error: 'invalid_grant', error_description: 'code, verifier or redirect_uri do not match' });
          }
          void new SignJWT({ ...grant.person.claims })
            .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
            .setIssuer(provider!.issuer)
            .setAudience(clientId)
            .setSubject(grant.person.sub)
            .setIssuedAt()
            .setExpirationTime('10m')
            .sign(privateKey)
            .then((idToken) => json(200, { access_token: randomUUID(), token_type: 'Bearer', expires_in: 600, id_token: idToken }));
        });
        return;
      }
      json(404, { error: 'not_found' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    provider = new OidcProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return provider;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
