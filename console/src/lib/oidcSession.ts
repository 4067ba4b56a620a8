import { endSessionUrl, loadProvider, loadSignInConfig, refreshTokens, sessionFromTokens } from './oidc';
import { keepSession, session } from './session';

/** How long before the access token expires an OIDC session renews it with its refresh token. */
export const RENEW_BEFORE_MS = 60_000;

let renewing = false;

/**
 * Renews the tokens of a session signed in at the OIDC provider once less than a minute is left. When the provider
 * refuses (the user's session there ended or idled out), the session simply runs out and the console asks to sign in
 * again, keeping the drafts.
 */
export async function renewIfDue(now: number = Date.now()): Promise<void> {
  const s = session.value;
  if (renewing || !s?.refreshToken || s.expiresAt - now > RENEW_BEFORE_MS || s.expiresAt <= now) return;
  renewing = true;
  try {
    const config = await loadSignInConfig();
    if (config.signIn !== 'oidc') return;
    const tokens = await refreshTokens(await loadProvider(config.issuer), config.clientId, s.refreshToken);
    if (session.value?.subject !== s.subject) return; // signed out (or in as someone else) meanwhile
    const renewed = sessionFromTokens(tokens, null, now);
    keepSession({ ...renewed, idToken: renewed.idToken ?? s.idToken, refreshToken: renewed.refreshToken ?? s.refreshToken });
  } catch {
    // refused or unreachable: the access token runs out as it would have
  } finally {
    renewing = false;
  }
}

/**
 * Where signing out continues when the session came from the OIDC provider: its end-session endpoint, which ends the
 * user's session there too and comes back to the sign-in page. Null for the built-in issuer (nothing to end elsewhere).
 */
export async function providerSignOutUrl(): Promise<string | null> {
  const s = session.value;
  if (!s?.idToken) return null;
  try {
    const config = await loadSignInConfig();
    if (config.signIn !== 'oidc') return null;
    return endSessionUrl(await loadProvider(config.issuer), config.clientId, s.idToken, window.location.origin);
  } catch {
    return null;
  }
}
