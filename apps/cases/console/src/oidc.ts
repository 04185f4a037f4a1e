import { requestJson } from '@complaints/web-ui';
import { CALLBACK_PATH } from './navigation';
import type { ConsoleConfig } from './types';

/** What the console remembers while the browser is away at the identity provider (this tab only). */
interface PendingSignIn {
  state: string;
  verifier: string;
  returnTo: string;
}

const PENDING_KEY = 'oidc-pending';

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

const randomString = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));

/** Sends the browser to the identity provider: authorization code flow with PKCE (S256) and a state. */
export async function startOidcSignIn(oidc: NonNullable<ConsoleConfig['signIn']['oidc']>): Promise<void> {
  const pending: PendingSignIn = {
    state: randomString(),
    verifier: randomString(),
    returnTo: location.pathname === CALLBACK_PATH ? '/console' : location.pathname,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))));
  const url = new URL(oidc.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: oidc.clientId,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    scope: 'openid profile',
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

export class OidcCallbackError extends Error {}

/** Back from the identity provider: checks the state, redeems the code at cases, returns the staff token and where to go. */
export async function completeOidcSignIn(): Promise<{ token: string; returnTo: string }> {
  const params = new URLSearchParams(location.search);
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
  if (params.get('error')) throw new OidcCallbackError(params.get('error_description') ?? params.get('error') ?? 'error');
  const code = params.get('code');
  if (!pending || !code || params.get('state') !== pending.state) throw new OidcCallbackError('state');
  const { token } = await requestJson<{ token: string }>('/v1/auth/oidc/sign-in', {
    method: 'POST',
    json: { code, codeVerifier: pending.verifier, redirectUri: `${location.origin}${CALLBACK_PATH}` },
  });
  return { token, returnTo: pending.returnTo };
}
