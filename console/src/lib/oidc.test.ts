import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { defineComponent, h } from 'vue';
import { fakeApi, on, type Route } from '../test/fakeApi';
import {
  authorizationUrl, base64Url, beginSignIn, codeChallenge, endSessionUrl, readCallback, sessionFromTokens, SignInError,
  takePendingSignIn, type OidcConfig, type PendingSignIn, type Provider,
} from './oidc';
import { renewIfDue } from './oidcSession';
import { endSession, keepSession, session } from './session';
import SignInCallback from '../views/SignInCallback.vue';
import SignIn from '../views/SignIn.vue';

const ISSUER = 'http://localhost:8180/realms/community';
const CONFIG: OidcConfig = { signIn: 'oidc', issuer: ISSUER, clientId: 'community-web' };
const PROVIDER: Provider = {
  issuer: ISSUER,
  authorizationEndpoint: `${ISSUER}/protocol/openid-connect/auth`,
  tokenEndpoint: `${ISSUER}/protocol/openid-connect/token`,
  endSessionEndpoint: `${ISSUER}/protocol/openid-connect/logout`,
};

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => base64Url(new TextEncoder().encode(JSON.stringify(o)));
  return `${part({ alg: 'RS256' })}.${part(claims)}.c2ln`;
}

const SECRETARY = { sub: '7247f261', preferred_username: 'secretary', name: '社区书记 王芳', groups: ['COMMUNITY_SECRETARY'], org_units: ['jxy'] };

/** The gateway's config.json and the provider's discovery document, as the console fetches them. */
const providerRoutes: Route[] = [
  on('GET', /^\/console\/config\.json$/, () => ({ body: CONFIG })),
  on('GET', /\/realms\/community\/\.well-known\/openid-configuration$/, () => ({ body: {
    issuer: ISSUER, authorization_endpoint: PROVIDER.authorizationEndpoint, token_endpoint: PROVIDER.tokenEndpoint,
    end_session_endpoint: PROVIDER.endSessionEndpoint,
  } })),
];

function pending(): PendingSignIn {
  return { state: 'state-1', nonce: 'nonce-1', verifier: 'verifier-1', redirectUri: 'http://localhost:8080/console/signin/callback', next: '/units/jxy' };
}

afterEach(() => {
  endSession();
  sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('PKCE (RFC 7636)', () => {
  it('gives the S256 challenge of the RFC\'s test vector (appendix B)', async () => {
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191,
      240, 91, 88, 5, 88, 83, 132, 141, 121];
    const verifier = base64Url(new Uint8Array(octets));
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(await codeChallenge(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('sends the browser to the authorization endpoint with the code flow, S256 challenge, state and nonce, and remembers them', async () => {
    const url = new URL(await beginSignIn(CONFIG, PROVIDER, '/units/jxy', 'zh-CN'));
    expect(`${url.origin}${url.pathname}`).toBe(PROVIDER.authorizationEndpoint);
    const q = url.searchParams;
    expect(q.get('response_type')).toBe('code');
    expect(q.get('client_id')).toBe('community-web');
    expect(q.get('redirect_uri')).toBe(`${window.location.origin}/console/signin/callback`);
    expect(q.get('scope')).toBe('openid');
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('ui_locales')).toBe('zh-CN');

    const remembered = takePendingSignIn();
    expect(remembered).toMatchObject({ state: q.get('state'), nonce: q.get('nonce'), next: '/units/jxy' });
    expect(remembered!.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(q.get('code_challenge')).toBe(await codeChallenge(remembered!.verifier));
    expect(takePendingSignIn()).toBeNull(); // used once
    // a second sign-in draws new values
    const again = new URL(await beginSignIn(CONFIG, PROVIDER, '/', 'en')).searchParams;
    expect(again.get('state')).not.toBe(q.get('state'));
    expect(again.get('nonce')).not.toBe(q.get('nonce'));
  });

  it('builds the request from its parts', () => {
    const url = authorizationUrl(PROVIDER, 'community-web', pending(), 'challenge-1', 'en');
    expect(url).toBe(`${PROVIDER.authorizationEndpoint}?response_type=code&client_id=community-web`
      + '&redirect_uri=http%3A%2F%2Flocalhost%3A8080%2Fconsole%2Fsignin%2Fcallback&scope=openid&state=state-1&nonce=nonce-1'
      + '&code_challenge=challenge-1&code_challenge_method=S256&ui_locales=en');
  });
});

describe('the sign-in page with an OIDC provider', () => {
  it('offers the provider\'s login page instead of the password form', async () => {
    fakeApi(...providerRoutes);
    const router = callbackRouter('/signin?next=/units/jxy&expired=1');
    await router.isReady();
    const page = mount(SignIn, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=oidc-sign-in]').text()).toBe('前往统一身份认证登录');
    expect(page.find('form').exists()).toBe(false);
    expect(page.get('[data-test=expired]').text()).toContain('您填写的内容已保留');
  });
});

describe('the callback', () => {
  const failure = (query: string, p: PendingSignIn | null = pending()) => {
    try {
      readCallback(new URLSearchParams(query), p, PROVIDER);
    } catch (e) {
      return (e as SignInError).kind;
    }
    return 'accepted';
  };

  it('takes the code only with the state this tab sent, and the provider\'s iss', () => {
    expect(readCallback(new URLSearchParams(`code=c1&state=state-1&iss=${encodeURIComponent(ISSUER)}`), pending(), PROVIDER)).toBe('c1');
    expect(failure('code=c1&state=other')).toBe('state');
    expect(failure('code=c1')).toBe('state');
    expect(failure('code=c1&state=state-1', null)).toBe('state');
    expect(failure('code=c1&state=state-1&iss=http%3A%2F%2Fevil.example')).toBe('state');
    expect(failure('error=access_denied&state=state-1')).toBe('denied');
    expect(failure('error=server_error&state=state-1')).toBe('provider');
    // an error that does not answer this tab's request is a bad state first
    expect(failure('error=access_denied&state=other')).toBe('state');
  });

  it('makes the session from the tokens when the ID token carries the nonce, and refuses another nonce', () => {
    const tokens = { access_token: jwt(SECRETARY), expires_in: 300, id_token: jwt({ ...SECRETARY, nonce: 'nonce-1' }), refresh_token: 'r1' };
    const s = sessionFromTokens(tokens, 'nonce-1', 1_000);
    expect(s).toMatchObject({ subject: '7247f261', name: '社区书记 王芳', roles: ['COMMUNITY_SECRETARY'], orgUnits: ['jxy'],
      expiresAt: 301_000, refreshToken: 'r1', idToken: tokens.id_token });
    expect(() => sessionFromTokens(tokens, 'nonce-2')).toThrow(SignInError);
    expect(() => sessionFromTokens({ ...tokens, id_token: undefined }, 'nonce-1')).toThrow(/nonce/);
  });

  it('exchanges the code with the verifier and goes on to the page the user came from', async () => {
    const tokens = { access_token: jwt(SECRETARY), expires_in: 300, id_token: jwt({ ...SECRETARY, nonce: 'nonce-1' }), refresh_token: 'r1' };
    const { requests } = fakeApi(...providerRoutes, on('POST', /\/openid-connect\/token$/, () => ({ body: tokens })));
    sessionStorage.setItem('console.oidc.pending', JSON.stringify(pending()));
    window.history.replaceState(null, '', '/console/signin/callback?state=state-1&code=c1');
    const router = callbackRouter();
    await router.isReady();
    const page = mount(SignInCallback, { global: { plugins: [router] } });
    await flushPromises();

    const exchange = requests.find((r) => r.request.method === 'POST')!;
    expect(exchange.request.url).toBe(PROVIDER.tokenEndpoint);
    expect(Object.fromEntries(new URLSearchParams(await exchange.request.clone().text()))).toEqual({
      grant_type: 'authorization_code', client_id: 'community-web', code: 'c1',
      redirect_uri: 'http://localhost:8080/console/signin/callback', code_verifier: 'verifier-1',
    });
    expect(session.value?.name).toBe('社区书记 王芳');
    expect(router.currentRoute.value.fullPath).toBe('/units/jxy');
    expect(window.location.search).toBe(''); // the code is gone from the address
    page.unmount();
  });

  it('says plainly that the provider refused, and offers to sign in again', async () => {
    const { requests } = fakeApi(...providerRoutes);
    sessionStorage.setItem('console.oidc.pending', JSON.stringify(pending()));
    window.history.replaceState(null, '', '/console/signin/callback?error=access_denied&state=state-1');
    const router = callbackRouter();
    await router.isReady();
    const page = mount(SignInCallback, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=signin-error]').text()).toContain('统一身份认证拒绝了登录');
    expect(page.get('[data-test=sign-in-again]').attributes('href')).toBe('/console/signin?next=/units/jxy');
    expect(requests.some((r) => r.request.method === 'POST')).toBe(false);
    expect(session.value).toBeNull();
  });

  it('refuses a callback whose state this tab never sent', async () => {
    fakeApi(...providerRoutes);
    window.history.replaceState(null, '', '/console/signin/callback?state=forged&code=c1');
    const router = callbackRouter();
    await router.isReady();
    const page = mount(SignInCallback, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=signin-error]').text()).toContain('state 不符');
    expect(session.value).toBeNull();
  });
});

describe('an OIDC session', () => {
  it('renews its tokens with the refresh token in the last minute, not before', async () => {
    const now = Date.now();
    const { requests } = fakeApi(...providerRoutes, on('POST', /\/openid-connect\/token$/, () => ({ body: {
      access_token: jwt(SECRETARY), expires_in: 300, refresh_token: 'r2',
    } })));
    keepSession({ ...sessionFromTokens({ access_token: jwt(SECRETARY), expires_in: 120, refresh_token: 'r1', id_token: 'id-1' }, null, now) });
    await renewIfDue(now);
    expect(requests.filter((r) => r.request.method === 'POST')).toHaveLength(0);

    await renewIfDue(now + 70_000);
    const refresh = requests.find((r) => r.request.method === 'POST')!;
    expect(Object.fromEntries(new URLSearchParams(await refresh.request.clone().text())))
      .toEqual({ grant_type: 'refresh_token', client_id: 'community-web', refresh_token: 'r1' });
    expect(session.value).toMatchObject({ refreshToken: 'r2', idToken: 'id-1', expiresAt: now + 70_000 + 300_000 });
  });

  it('signs out at the provider with the ID token as the hint, back to the sign-in page', () => {
    const url = new URL(endSessionUrl(PROVIDER, 'community-web', 'id-1', 'http://localhost:8080')!);
    expect(`${url.origin}${url.pathname}`).toBe(PROVIDER.endSessionEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'community-web', id_token_hint: 'id-1', post_logout_redirect_uri: 'http://localhost:8080/console/signin?signedOut=1',
    });
    expect(endSessionUrl({ ...PROVIDER, endSessionEndpoint: undefined }, 'community-web', 'id-1', 'http://localhost:8080')).toBeNull();
  });
});

function callbackRouter(path = '/signin/callback') {
  const Blank = defineComponent({ render: () => h('div') });
  const router = createRouter({
    history: createMemoryHistory('/console/'),
    routes: [
      { path: '/', component: Blank },
      { path: '/signin', name: 'signin', component: SignIn },
      { path: '/signin/callback', component: SignInCallback },
      { path: '/units/:id', component: Blank },
    ],
  });
  void router.push(path);
  return router;
}
