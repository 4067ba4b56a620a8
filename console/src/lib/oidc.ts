import type { Session } from './session';

/**
 * Signing in at an OIDC provider (Keycloak in deploy/) with the authorization code flow and PKCE (RFC 7636, S256):
 * the browser goes to the provider's login page and comes back to /console/signin/callback with a code, which the
 * console exchanges at the provider's token endpoint for the tokens (a public client: no secret, the code verifier
 * proves that the code was asked for by this tab).
 */

/** What the gateway's /console/config.json says about signing in. */
export type SignInConfig = { signIn: 'built-in' } | OidcConfig;

export interface OidcConfig {
  signIn: 'oidc';
  /** The provider's issuer, as the browser reaches it. */
  issuer: string;
  /** The provider's public client for the console. */
  clientId: string;
}

/** The endpoints of the provider's discovery document (/.well-known/openid-configuration). */
export interface Provider {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
}

/** What the tab remembers while the user is at the provider's login page. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  verifier: string;
  redirectUri: string;
  /** The console's page to return to. */
  next: string;
}

/** The token endpoint's answer (RFC 6749 §5.1, OIDC Core §3.1.3.3). */
export interface TokenSet {
  access_token: string;
  expires_in: number;
  id_token?: string;
  refresh_token?: string;
}

export type SignInFailure = 'denied' | 'provider' | 'state' | 'nonce' | 'token' | 'network';

/** A sign-in that cannot be completed, with what to tell the user. */
export class SignInError extends Error {
  constructor(readonly kind: SignInFailure, readonly detail?: string) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

export const CALLBACK_PATH = '/console/signin/callback';
const PENDING_KEY = 'console.oidc.pending';

export function base64Url(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as 43 base64url characters: a code verifier (RFC 7636 §4.1), a state or a nonce. */
export function randomText(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: BASE64URL(SHA256(ASCII(verifier))) (RFC 7636 §4.2). */
export async function codeChallenge(verifier: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

let signInConfig: Promise<SignInConfig> | null = null;

/**
 * How this console signs in, asked once of the gateway. A console served without it (404: `npm run dev`) uses the
 * built-in issuer.
 */
export function loadSignInConfig(): Promise<SignInConfig> {
  signInConfig ??= globalThis.fetch(new Request(new URL('/console/config.json', window.location.origin)))
    .then(async (response) => {
      if (response.status === 404) return { signIn: 'built-in' } as const;
      if (!response.ok) throw new SignInError('network', `config.json: ${response.status}`);
      return (await response.json()) as SignInConfig;
    })
    .catch((e: unknown) => {
      signInConfig = null;
      throw e instanceof SignInError ? e : new SignInError('network');
    });
  return signInConfig;
}

const providers = new Map<string, Promise<Provider>>();

/** The provider's endpoints from its discovery document, whose issuer must be the configured one. */
export function loadProvider(issuer: string): Promise<Provider> {
  let provider = providers.get(issuer);
  if (!provider) {
    provider = globalThis.fetch(new Request(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`))
      .then(async (response) => {
        if (!response.ok) throw new SignInError('provider', `discovery: ${response.status}`);
        const d = (await response.json()) as Record<string, string | undefined>;
        if (d.issuer !== issuer || !d.authorization_endpoint || !d.token_endpoint) {
          throw new SignInError('provider', `the discovery document of ${issuer} names issuer ${d.issuer}`);
        }
        return {
          issuer,
          authorizationEndpoint: d.authorization_endpoint,
          tokenEndpoint: d.token_endpoint,
          endSessionEndpoint: d.end_session_endpoint,
        };
      })
      .catch((e: unknown) => {
        providers.delete(issuer);
        throw e instanceof SignInError ? e : new SignInError('network');
      });
    providers.set(issuer, provider);
  }
  return provider;
}

/** The provider's authorization request (RFC 6749 §4.1.1 with RFC 7636 §4.3 and OIDC Core §3.1.2.1). */
export function authorizationUrl(provider: Provider, clientId: string, pending: PendingSignIn, challenge: string, locale: string): string {
  const url = new URL(provider.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: pending.redirectUri,
    scope: 'openid',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ui_locales: locale,
  }).toString();
  return url.toString();
}

/** Remembers a new sign-in in this tab and gives the address of the provider's login page. */
export async function beginSignIn(config: OidcConfig, provider: Provider, next: string, locale: string): Promise<string> {
  const pending: PendingSignIn = {
    state: randomText(),
    nonce: randomText(),
    verifier: randomText(),
    redirectUri: window.location.origin + CALLBACK_PATH,
    next,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  return authorizationUrl(provider, config.clientId, pending, await codeChallenge(pending.verifier), locale);
}

/** The sign-in this tab started, taken once: a callback can be used only once. */
export function takePendingSignIn(): PendingSignIn | null {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  try {
    return raw ? (JSON.parse(raw) as PendingSignIn) : null;
  } catch {
    return null;
  }
}

/**
 * The code of the provider's answer at the callback, once it is known to answer this tab's request: the state must be
 * the one sent (RFC 6749 §10.12), and an `iss` given must be the provider's (RFC 9207).
 */
export function readCallback(query: URLSearchParams, pending: PendingSignIn | null, provider: Provider): string {
  if (!pending || query.get('state') !== pending.state) throw new SignInError('state');
  const iss = query.get('iss');
  if (iss !== null && iss !== provider.issuer) throw new SignInError('state', `iss ${iss}`);
  const error = query.get('error');
  if (error === 'access_denied') throw new SignInError('denied', query.get('error_description') ?? undefined);
  if (error) throw new SignInError('provider', query.get('error_description') ?? error);
  const code = query.get('code');
  if (!code) throw new SignInError('provider', 'no code');
  return code;
}

async function tokenRequest(provider: Provider, form: Record<string, string>): Promise<TokenSet> {
  let response: Response;
  try {
    response = await globalThis.fetch(new Request(provider.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    }));
  } catch {
    throw new SignInError('network');
  }
  const body = (await response.json().catch(() => ({}))) as Partial<TokenSet> & { error?: string; error_description?: string };
  if (!response.ok || !body.access_token) {
    throw new SignInError('token', body.error_description ?? body.error ?? String(response.status));
  }
  return body as TokenSet;
}

/** The code and this tab's verifier for the tokens (RFC 6749 §4.1.3, RFC 7636 §4.5). */
export function exchangeCode(provider: Provider, clientId: string, code: string, pending: PendingSignIn): Promise<TokenSet> {
  return tokenRequest(provider, {
    grant_type: 'authorization_code',
    client_id: clientId,
    code,
    redirect_uri: pending.redirectUri,
    code_verifier: pending.verifier,
  });
}

/** New tokens for a refresh token (RFC 6749 §6). */
export function refreshTokens(provider: Provider, clientId: string, refreshToken: string): Promise<TokenSet> {
  return tokenRequest(provider, { grant_type: 'refresh_token', client_id: clientId, refresh_token: refreshToken });
}

/**
 * The claims of a JWT, read without checking its signature: the console only shows them (who, roles, scope), every
 * service verifies the token itself.
 */
export function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part) throw new SignInError('token', 'not a JWT');
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
}

/**
 * The console's session from the provider's tokens (the token contract of gateway/README.md: sub, name, groups,
 * org_units). With a nonce the ID token must carry it (OIDC Core §3.1.3.7): a token minted for another request is refused.
 */
export function sessionFromTokens(tokens: TokenSet, nonce: string | null, now: number = Date.now()): Session {
  if (nonce !== null && (!tokens.id_token || claimsOf(tokens.id_token).nonce !== nonce)) throw new SignInError('nonce');
  const claims = claimsOf(tokens.access_token);
  const username = typeof claims.preferred_username === 'string' ? claims.preferred_username : String(claims.sub);
  return {
    accessToken: tokens.access_token,
    expiresAt: now + tokens.expires_in * 1000,
    subject: String(claims.sub),
    name: typeof claims.name === 'string' ? claims.name : username,
    roles: strings(claims.groups),
    orgUnits: strings(claims.org_units),
    idToken: tokens.id_token,
    refreshToken: tokens.refresh_token,
  };
}

/** The provider's RP-initiated logout (OIDC RP-Initiated Logout 1.0 §2), back to the console's sign-in page. */
export function endSessionUrl(provider: Provider, clientId: string, idToken: string | undefined, origin: string): string | null {
  if (!provider.endSessionEndpoint) return null;
  const url = new URL(provider.endSessionEndpoint);
  const params = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: `${origin}/console/signin?signedOut=1` });
  if (idToken) params.set('id_token_hint', idToken);
  url.search = params.toString();
  return url.toString();
}
