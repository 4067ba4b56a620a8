import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { fakeApi, on } from '../test/fakeApi';
import { api, onSessionExpired } from '../api/client';
import { endSession, session, startSession } from '../lib/session';
import { setLocale } from '../lib/i18n';
import SignIn from './SignIn.vue';
import UnitPage from './UnitPage.vue';
import TopicPage from './TopicPage.vue';

const Blank = defineComponent({ render: () => h('div') });

function routerFor(path: string): Router {
  const router = createRouter({
    history: createMemoryHistory('/console/'),
    routes: [
      { path: '/', component: Blank },
      { path: '/signin', name: 'signin', component: SignIn },
      { path: '/units/:id', component: Blank },
      { path: '/topics', component: Blank },
      { path: '/topics/:id', component: Blank },
      { path: '/votes/:id', component: Blank },
    ],
  });
  void router.push(path);
  return router;
}

function signIn(roles = ['COMMUNITY_SECRETARY']): void {
  startSession({ accessToken: 'token-1', tokenType: 'Bearer', expiresIn: 3600, subject: 'secretary', name: '江欣苑书记', roles, orgUnits: ['jxy'] });
}

function unit(id: string, name: string, level = 'BUILDING', childCount = 0) {
  return { id, code: id.toUpperCase(), name, level, form: 'GROUP', status: 'ACTIVE', depth: 5, hasLeader: true, version: 1, childCount, createdAt: '2026-01-01T00:00:00+08:00', updatedAt: '2026-01-01T00:00:00+08:00' };
}

beforeEach(() => {
  vi.stubGlobal('performance', Object.assign(performance, { mark: vi.fn(), measure: vi.fn() }));
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => setTimeout(() => cb(0), 0));
});

afterEach(() => {
  endSession();
  sessionStorage.clear();
  setLocale('zh');
  vi.unstubAllGlobals();
});

describe('the client', () => {
  it('sends the token and the language, and reports a refused token as an expired session', async () => {
    signIn();
    setLocale('en');
    const { requests } = fakeApi(on('GET', /\/org-units\/x$/, () => ({ status: 401, body: { status: 401, title: 'Unauthorized' } })));
    const expired = vi.fn();
    onSessionExpired(expired);
    await api.GET('/api/v1/org-units/{id}', { params: { path: { id: 'x' } } });
    expect(requests[0]?.request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(requests[0]?.request.headers.get('Accept-Language')).toBe('en');
    expect(expired).toHaveBeenCalledOnce();
  });
});

describe('sign-in', () => {
  it('shows each invalid field next to its input, and signs in with the token', async () => {
    const { requests } = fakeApi(on('POST', /\/auth\/token$/, (_r, body) => {
      const { username } = body as { username: string };
      return username
        ? { body: { accessToken: 't', tokenType: 'Bearer', expiresIn: 3600, subject: username, name: '书记', roles: ['COMMUNITY_SECRETARY'], orgUnits: ['jxy'] } }
        : { status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'username', message: '不能为空' }] } };
    }));
    const router = routerFor('/signin?next=/units/jxy');
    await router.isReady();
    const page = mount(SignIn, { global: { plugins: [router] } });
    await flushPromises(); // the gateway's config.json: 404 here, so the built-in issuer's form
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(page.get('#username-error').text()).toBe('不能为空');
    expect(page.get('#username').attributes('aria-invalid')).toBe('true');
    expect(page.find('#password-error').exists()).toBe(false);

    await page.get('#username').setValue('secretary');
    await page.get('#password').setValue('demo-secretary');
    await page.get('form').trigger('submit');
    await flushPromises();
    expect(requests.filter((r) => r.request.method === 'POST')[1]?.body).toEqual({ username: 'secretary', password: 'demo-secretary' });
    expect(session.value?.subject).toBe('secretary');
    expect(router.currentRoute.value.fullPath).toBe('/units/jxy');
  });
});

describe('a unit page', () => {
  it('shows the breadcrumb, the figures and 200 children in one page', async () => {
    signIn();
    const children = Array.from({ length: 200 }, (_, i) => unit(`b${i}`, `${i + 1}号楼`));
    fakeApi(
      on('GET', /\/org-units\/jxy$/, () => ({ body: unit('jxy', '江欣苑社区', 'COMMUNITY', 200) })),
      on('GET', /\/org-units\/jxy\/ancestors$/, () => ({ body: [unit('wh', '武汉市', 'CITY'), unit('hy', '汉阳区', 'DISTRICT'), unit('jxy', '江欣苑社区', 'COMMUNITY')] })),
      on('GET', /\/org-units\/jxy\/stats$/, () => ({ body: {
        unitId: 'jxy', name: '江欣苑社区', level: 'COMMUNITY',
        units: { total: 97, byLevel: { COMMUNITY: 1, BUILDING: 88 }, byForm: { COMMITTEE: 1, BRANCH: 8, GROUP: 88 } },
        households: 3000, residents: 9000, centralHouseholds: 177, servedHouseholds: 1800,
        members: { partyMembers: 300, full: 290, probationary: 10, mobile: 3, byStatus: { FULL: 290 } },
        coverage: { uncoveredBuildings: 0, leaderlessUnits: 2, unservedHouseholds: 5 },
      } })),
      on('GET', /\/org-units\/jxy\/children$/, (r) => {
        const size = Number(new URL(r.url).searchParams.get('size'));
        return { body: { items: children.slice(0, size), page: 0, size, total: 200 } };
      }),
      on('GET', /\/coverage\//, () => ({ body: { items: [], page: 0, size: 10, total: 0 } })),
    );
    const router = routerFor('/units/jxy');
    await router.isReady();
    const page = mount(UnitPage, { props: { id: 'jxy' }, global: { plugins: [router], stubs: { UnitCharts: true } } });
    await flushPromises();
    expect(page.get('[data-test=breadcrumb]').text()).toContain('武汉市');
    expect(page.get('[data-test=breadcrumb]').text()).toContain('汉阳区');
    expect(page.get('[data-test=stat-branches]').text()).toContain('8');
    expect(page.get('[data-test=stat-groups]').text()).toContain('88');
    expect(page.get('[data-test=stat-central]').text()).toContain('177');
    expect(page.findAll('[data-test=children] tbody tr')).toHaveLength(20);

    await page.get('#page-size').setValue('200');
    await flushPromises();
    expect(page.findAll('[data-test=children] tbody tr')).toHaveLength(200);
    expect(page.get('[data-test=page-of]').text()).toBe('第 1 / 1 页,共 200 条');
  });

  it('is the not-found page for a unit the caller may not see', async () => {
    signIn(['GRID_WORKER']);
    // the directory entry is public, the figures of another community are refused
    fakeApi(
      on('GET', /\/org-units\/other$/, () => ({ body: unit('other', '江欣苑社区', 'COMMUNITY') })),
      on('GET', /\/org-units\/other\/ancestors$/, () => ({ body: [] })),
      on('GET', /\/org-units\/other\/stats$/, () => ({ status: 403, body: { status: 403, title: '无权操作' } })),
    );
    const router = routerFor('/units/other');
    await router.isReady();
    const page = mount(UnitPage, { props: { id: 'other' }, global: { plugins: [router], stubs: { UnitCharts: true } } });
    await flushPromises();
    expect(page.find('[data-test=not-found]').exists()).toBe(true);
  });
});

describe('a topic page', () => {
  it('sends the stage move with If-Match and shows the refused reason next to its field', async () => {
    signIn();
    const topic = {
      id: 't1', title: '加装电梯', category: 'ELEVATOR_INSTALLATION', scope: { unitId: 'jxy', name: '江欣苑社区' }, proposer: '居民',
      stage: 'JOINT_REVIEW', nextStages: ['PUBLIC_DELIBERATION', 'REJECTED'], consensus: {}, version: 3,
      createdAt: '2026-01-01T00:00:00+08:00', updatedAt: '2026-01-01T00:00:00+08:00',
    };
    const { requests } = fakeApi(
      on('GET', /\/topics\/t1$/, () => ({ body: topic, headers: { ETag: '"3"' } })),
      on('GET', /\/topics\/t1\/timeline$/, () => ({ body: { topicId: 't1', title: '加装电梯', stage: 'JOINT_REVIEW', events: [{ at: '2026-01-01T00:00:00+08:00', kind: 'TOPIC_PROPOSED' }] } })),
      on('GET', /\/votes$/, () => ({ body: { items: [], page: 0, size: 20, total: 0 } })),
      on('POST', /\/topics\/t1\/transitions$/, () => ({ status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'reason', message: '必须包含非空白字符' }] } })),
    );
    const router = routerFor('/topics/t1');
    await router.isReady();
    const page = mount(TopicPage, { props: { id: 't1' }, global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=timeline]').findAll('li')).toHaveLength(1);
    await page.get('#reason').setValue('   ');
    await page.get('[data-test=move-form]').trigger('submit');
    await flushPromises();
    const post = requests.find((r) => r.request.method === 'POST');
    expect(post?.request.headers.get('If-Match')).toBe('"3"');
    expect(post?.request.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
    expect(post?.body).toEqual({ to: 'PUBLIC_DELIBERATION', actor: '江欣苑书记', reason: '   ' });
    expect(page.get('#reason-error').text()).toBe('必须包含非空白字符');
    expect(page.get('#reason').attributes('aria-describedby')).toBe('reason-error');
    // what was typed stays for another try (and survives a sign-in in between)
    expect(JSON.parse(sessionStorage.getItem('console.draft:topic:t1:reason') ?? '""')).toBe('   ');
  });
});
