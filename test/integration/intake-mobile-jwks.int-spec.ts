import { createSecretKey, generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { exportJWK } from 'jose';
import { IntakeMobileConfig } from '../../apps/intake-mobile/src/intake-mobile.config';
import { IntakeMobileModule, intakeMobileHttpOptions } from '../../apps/intake-mobile/src/intake-mobile.module';
import { testConfig } from '../support/configs';
import { appRequest, customerToken } from '../support/mobile-client';
import { RunningApp, startApp } from '../support/running-app';

/** A real local HTTP server publishing a JSON Web Key Set, as an identity provider does; it can be switched off. */
class JwksServer {
  requests = 0;
  failing = false;
  private constructor(
    private readonly server: Server,
    readonly url: string,
    public keys: object[],
  ) {}

  static async start(keys: object[]): Promise<JwksServer> {
    // Assigned once the server listens; the request handler, created first, reads it.
    // eslint-disable-next-line prefer-const
    let instance: JwksServer | undefined;
    const server = createServer((req, res) => {
      instance!.requests += 1;
      if (instance!.failing) return void res.writeHead(500).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: instance!.keys }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    instance = new JwksServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, keys);
    return instance;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function jwk(publicKey: KeyObject, kid: string) {
  return { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
}

/** RS256 app tokens checked against keys fetched from a JWKS URL (the production set-up). */
describe('intake-mobile: RS256 tokens via a JWKS URL', () => {
  const current = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const next = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const unpublished = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: JwksServer;
  let mobile: RunningApp;

  beforeAll(async () => {
    jwks = await JwksServer.start([await jwk(current.publicKey, 'k-current')]);
    const config = testConfig(IntakeMobileConfig, {
      MOBILE_JWKS_URL: jwks.url,
      MOBILE_JWKS_COOLDOWN_SEC: '0',
      MOBILE_RATE_LIMIT_PER_MIN: '0',
    });
    mobile = await startApp(IntakeMobileModule.register(config), intakeMobileHttpOptions(config));
  });
  afterAll(async () => {
    await mobile?.close();
    await jwks?.close();
  });

  const submit = (token: string) =>
    appRequest(mobile.url, '/v1/app/complaints', { token, idempotencyKey: randomUUID(), body: { text: 'JWKS signed complaint' } });

  it('accepts a token signed with a published key, fetching the key set from the URL', async () => {
    const res = await submit(await customerToken('cust-jwks', { alg: 'RS256', key: current.privateKey, kid: 'k-current' }));
    expect(res.status).toBe(202);
    expect(jwks.requests).toBeGreaterThan(0);
    const list = await appRequest<{ items: unknown[] }>(mobile.url, '/v1/app/complaints', {
      token: await customerToken('cust-jwks', { alg: 'RS256', key: current.privateKey, kid: 'k-current' }),
    });
    expect(list.body.items).toHaveLength(1);
  });

  it('refuses a token signed with a key the provider did not publish, and an HS256 token made from the public key', async () => {
    const stranger = await submit(await customerToken('cust-x', { alg: 'RS256', key: unpublished.privateKey, kid: 'k-current' }));
    expect(stranger.status).toBe(401);
    expect(stranger.body.detail).toMatch(/signature/);

    const publicPem = current.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const confused = await submit(await customerToken('cust-x', { key: createSecretKey(Buffer.from(publicPem)), kid: 'k-current' }));
    expect(confused.status).toBe(401);
    expect(confused.type).toContain('application/problem+json');
  });

  it('picks up a rotated key set: a token with a new kid makes it fetch the keys again', async () => {
    const fetchesBefore = jwks.requests;
    jwks.keys = [await jwk(current.publicKey, 'k-current'), await jwk(next.publicKey, 'k-next')];
    const res = await submit(await customerToken('cust-rotated', { alg: 'RS256', key: next.privateKey, kid: 'k-next' }));
    expect(res.status).toBe(202);
    expect(jwks.requests).toBeGreaterThan(fetchesBefore);
  });

  it('answers 503 with Retry-After, not 401, when the key set cannot be fetched', async () => {
    jwks.failing = true;
    try {
      const res = await submit(await customerToken('cust-outage', { alg: 'RS256', key: unpublished.privateKey, kid: 'k-unknown' }));
      expect(res.status).toBe(503);
      expect(res.type).toContain('application/problem+json');
      expect(res.headers.get('retry-after')).toBe('5');
    } finally {
      jwks.failing = false;
    }
  });
});
