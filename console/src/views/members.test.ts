import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { fakeApi, on } from '../test/fakeApi';
import { endSession, startSession } from '../lib/session';
import { setLocale } from '../lib/i18n';
import MembersPage from './MembersPage.vue';
import MemberPage from './MemberPage.vue';
import MeetingPage from './MeetingPage.vue';

const Blank = defineComponent({ render: () => h('div') });
const AT = '2026-01-01T00:00:00+08:00';

function routerFor(path: string): Router {
  const router = createRouter({
    history: createMemoryHistory('/console/'),
    routes: [
      { path: '/', component: Blank },
      { path: '/signin', name: 'signin', component: Blank },
      { path: '/units/:id', component: Blank },
      { path: '/members', component: Blank },
      { path: '/members/:id', component: Blank },
      { path: '/topics/:id', component: Blank },
      { path: '/meetings/:id', component: Blank },
    ],
  });
  void router.push(path);
  return router;
}

function signIn(roles = ['COMMUNITY_SECRETARY']): void {
  startSession({ accessToken: 'token-1', tokenType: 'Bearer', expiresIn: 3600, subject: 'secretary', name: '江欣苑书记', roles, orgUnits: ['jxy'] });
}

/** What the API answers as a member's nextSteps (MemberStatus.transitionSteps in org-service). */
const NEXT_STEPS: Record<string, string[]> = {
  APPLICANT: ['ACTIVIST', 'DECEASED', 'REMOVED'], ACTIVIST: ['DEVELOPMENT_TARGET', 'DECEASED', 'REMOVED'],
  DEVELOPMENT_TARGET: ['PROBATIONARY', 'DECEASED', 'REMOVED'], PROBATIONARY: ['FULL', 'DECEASED', 'REMOVED'], FULL: ['DECEASED', 'REMOVED'],
};

function member(status = 'APPLICANT', extra: Record<string, unknown> = {}) {
  return {
    id: 'm1', unitId: 'branch1', name: '张晓红', gender: 'FEMALE', birthDate: '1990-05-01', age: 36, phone: '138****1234',
    idNumber: '420***********1234', status, statusOn: '2026-03-01', mobile: false, nextSteps: NEXT_STEPS[status] ?? [], version: 2, createdAt: AT, updatedAt: AT, ...extra,
  };
}

const page0 = { page: 0, size: 20, total: 0, items: [] };

afterEach(() => {
  endSession();
  sessionStorage.clear();
  setLocale('zh');
});

describe('the members page', () => {
  it('searches the unit\'s subtree with the filters set, and shows a refused filter at its field', async () => {
    signIn();
    const { requests } = fakeApi(
      on('GET', /\/org-units\/jxy$/, () => ({ body: { id: 'jxy', name: '江欣苑社区' } })),
      on('GET', /\/api\/v1\/members$/, (r) => {
        const q = new URL(r.url).searchParams;
        if (q.get('ageFrom') === '200') {
          return { status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'listMembers.ageFrom', message: '不能大于150' }] } };
        }
        return { body: { page: 0, size: 20, total: 1, items: [member('PROBATIONARY')] } };
      }),
    );
    const router = routerFor('/members?within=jxy');
    await router.isReady();
    const page = mount(MembersPage, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('h1').text()).toContain('江欣苑社区');
    expect(page.findAll('[data-test=members] tbody tr')).toHaveLength(1);
    expect(page.get('[data-test=members]').text()).toContain('138****1234');

    await page.get('#q').setValue('张');
    await page.get('input[value=PROBATIONARY]').setValue(true);
    await page.get('#ageFrom').setValue('200');
    await page.get('[data-test=member-search]').trigger('submit');
    await flushPromises();
    const sent = new URL(requests.filter((r) => r.request.url.includes('/members?')).pop()!.request.url).searchParams;
    expect(sent.get('within')).toBe('jxy');
    expect(sent.get('q')).toBe('张');
    expect(sent.getAll('status')).toEqual(['PROBATIONARY']);
    expect(page.get('#ageFrom-error').text()).toBe('不能大于150');
    expect(page.get('#ageFrom').attributes('aria-invalid')).toBe('true');
    // the filters are a draft: a sign-in in between finds them again
    expect(JSON.parse(sessionStorage.getItem('console.draft:members:filters') ?? '{}').q).toBe('张');
  });
});

describe('a member\'s page', () => {
  function routes(status: string, onStep: () => { status?: number; body?: unknown }) {
    return fakeApi(
      on('GET', /\/api\/v1\/members\/m1$/, () => ({ body: member(status), headers: { ETag: '"2"' } })),
      on('GET', /\/members\/m1\/history$/, () => ({ body: [{ id: 's1', status: 'APPLICANT', on: '2026-03-01', recordedAt: AT }] })),
      on('GET', /\/members\/posts$/, () => ({ body: page0 })),
      on('GET', /\/transfers$/, () => ({ body: { ...page0, total: 1, items: [{
        id: 'tr1', memberId: 'm1', kind: 'EXTERNAL', fromUnitId: 'branch1', externalOrg: '武昌区某街道党工委', letterNumber: 'JS-2026-001',
        status: 'PENDING', initiatedOn: '2026-04-01', version: 1, createdAt: AT, updatedAt: AT,
      }] } })),
      on('GET', /\/transfers\/tr1\/letters\/RECEIVING$/, () => ({ body: '中国共产党组织关系介绍信' })),
      on('GET', /\/growth-record$/, () => ({ status: 403, body: { status: 403, title: '无权操作' } })),
      on('GET', /\/dues\/members\/m1$/, () => ({ status: 404, body: { status: 404, title: '未找到' } })),
      on('POST', /\/members\/m1\/transitions$/, onStep),
    );
  }

  it('shows the profile as the API masked it and offers the next step of the pipeline', async () => {
    signIn();
    routes('APPLICANT', () => ({ body: member('ACTIVIST') }));
    const router = routerFor('/members/m1');
    await router.isReady();
    const page = mount(MemberPage, { props: { id: 'm1' }, global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=phone]').text()).toBe('138****1234');
    expect(page.get('[data-test=id-number]').text()).toBe('420***********1234');
    expect(page.get('[aria-current=step]').text()).toBe('入党申请人');
    expect(page.findAll('#to option').map((o) => o.text())).toEqual(['入党积极分子', '已去世', '已除名']);
    // sections the caller may not read are simply not there
    expect(page.find('[data-test=dues]').exists()).toBe(false);
  });

  it('sends the step with If-Match and shows the refused date at its field', async () => {
    signIn();
    const { requests } = routes('APPLICANT', () => ({ status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'transition.on', message: '不能晚于今天' }] } }));
    const router = routerFor('/members/m1');
    await router.isReady();
    const page = mount(MemberPage, { props: { id: 'm1' }, global: { plugins: [router] } });
    await flushPromises();
    await page.get('#on').setValue('2099-01-01');
    await page.get('#note').setValue('经支部委员会研究');
    await page.get('[data-test=step-form]').trigger('submit');
    await flushPromises();
    const post = requests.find((r) => r.request.method === 'POST');
    expect(post?.request.headers.get('If-Match')).toBe('"2"');
    expect(post?.request.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
    expect(post?.body).toEqual({ to: 'ACTIVIST', on: '2099-01-01', note: '经支部委员会研究' });
    expect(page.get('#on-error').text()).toBe('不能晚于今天');
    expect(JSON.parse(sessionStorage.getItem('console.draft:member:m1:note') ?? '""')).toBe('经支部委员会研究');
  });

  it('opens a transfer\'s letter as text', async () => {
    signIn();
    routes('FULL', () => ({}));
    const router = routerFor('/members/m1');
    await router.isReady();
    const page = mount(MemberPage, { props: { id: 'm1' }, global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=transfers]').text()).toContain('武昌区某街道党工委');
    const buttons = page.get('[data-test=transfers]').findAll('button');
    await buttons[1]!.trigger('click');
    await flushPromises();
    expect(page.get('[data-test=letter] pre').text()).toContain('介绍信');
  });
});

describe('a consultation meeting', () => {
  const meeting = (extra: Record<string, unknown> = {}) => ({
    id: 'mt1', title: '加装电梯协商会', format: 'ROUND_TABLE', topicIds: ['t1'], startsAt: AT, place: '社区议事厅', convener: '江欣苑社区党委',
    status: 'SCHEDULED', registered: 2, attended: 1, version: 4, createdAt: AT,
    registrations: [
      { id: 'r1', personName: '李阿姨', party: 'RESIDENT', registeredAt: AT, attendedAt: AT },
      { id: 'r2', personName: '王主任', party: 'OWNERS_COMMITTEE', registeredAt: AT },
    ],
    followUps: [], opinions: [], ...extra,
  });

  it('marks a registered person present and shows a refused minutes row at its field', async () => {
    signIn();
    const { requests } = fakeApi(
      on('GET', /\/meetings\/mt1$/, () => ({ body: meeting(), headers: { ETag: '"4"' } })),
      on('POST', /\/meetings\/mt1\/attendance$/, (_r, body) => ({ body: { id: 'r2', ...(body as object), attendedAt: AT } })),
      on('POST', /\/meetings\/mt1\/minutes$/, () => ({ status: 400, body: { status: 400, title: '请求参数有误', errors: [
        { field: 'minutes.summary', message: '不能为空' }, { field: 'minutes.followUps[0].owner', message: '不能为空' },
      ] } })),
    );
    const router = routerFor('/meetings/mt1');
    await router.isReady();
    const page = mount(MeetingPage, { props: { id: 'mt1' }, global: { plugins: [router] } });
    await flushPromises();
    // who is still expected comes first, with the button to mark them present
    const rows = page.findAll('[data-test=registrations] tbody tr');
    expect(rows[0]!.text()).toContain('王主任');
    await rows[0]!.get('button').trigger('click');
    await flushPromises();
    expect(requests.find((r) => r.request.url.endsWith('/attendance'))?.body).toEqual({ personName: '王主任', party: 'OWNERS_COMMITTEE' });
    expect(page.get('[data-test=meeting-done]').text()).toContain('王主任');

    await page.get('#fu-text-0').setValue('联系电梯公司');
    await page.get('[data-test=minutes-form]').trigger('submit');
    await flushPromises();
    const post = requests.find((r) => r.request.url.endsWith('/minutes'));
    expect(post?.request.headers.get('If-Match')).toBe('"4"');
    expect(post?.body).toEqual({ summary: '', recordedBy: '江欣苑书记', opinions: [], followUps: [{ description: '联系电梯公司', owner: '' }] });
    expect(page.get('#summary-error').text()).toBe('不能为空');
    expect(page.get('#fu-owner-0-error').text()).toBe('不能为空');
    expect(page.get('#fu-owner-0').attributes('aria-invalid')).toBe('true');
    // the minutes being typed survive an expired session
    expect(JSON.parse(sessionStorage.getItem('console.draft:meeting:mt1:minutes') ?? '{}').followUps[0].description).toBe('联系电梯公司');
  });

  it('marks a follow-up done and cancels only after the confirmation', async () => {
    signIn();
    let cancelled = false;
    const { requests } = fakeApi(
      on('GET', /\/meetings\/mt1$/, () => ({
        body: meeting({ status: cancelled ? 'CANCELLED' : 'SCHEDULED', followUps: [{ id: 'f1', description: '报规划审批', owner: '物业', doneAt: null }] }),
        headers: { ETag: '"4"' },
      })),
      on('POST', /\/follow-ups\/f1\/done$/, () => ({ body: { id: 'f1', description: '报规划审批', doneAt: AT } })),
      on('POST', /\/meetings\/mt1\/cancel$/, () => { cancelled = true; return { body: meeting({ status: 'CANCELLED' }) }; }),
    );
    const router = routerFor('/meetings/mt1');
    await router.isReady();
    setLocale('en');
    const page = mount(MeetingPage, { props: { id: 'mt1' }, global: { plugins: [router] } });
    await flushPromises();
    await page.get('[data-test=follow-ups] button').trigger('click');
    await flushPromises();
    expect(requests.some((r) => r.request.url.endsWith('/follow-ups/f1/done'))).toBe(true);

    const cancelButton = page.findAll('button').find((b) => b.text() === 'Cancel the meeting…');
    await cancelButton!.trigger('click');
    expect(requests.some((r) => r.request.url.endsWith('/cancel'))).toBe(false);
    await page.get('[data-test=cancel-confirm] button.primary').trigger('click');
    await flushPromises();
    expect(requests.find((r) => r.request.url.endsWith('/cancel'))?.request.headers.get('If-Match')).toBe('"4"');
    expect(page.get('[data-test=meeting-status]').text()).toBe('Cancelled');
  });
});
