import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { fakeApi, on } from '../test/fakeApi';
import { endSession, startSession } from '../lib/session';
import EducationPage from './EducationPage.vue';
import DuesPage from './DuesPage.vue';
import HomePage from './HomePage.vue';

const Blank = defineComponent({ render: () => h('div') });
const AT = '2026-12-01T09:00:00+08:00';
const page0 = { page: 0, size: 20, total: 0, items: [] };

function routerFor(path: string): Router {
  const router = createRouter({
    history: createMemoryHistory('/console/'),
    routes: [
      { path: '/', component: Blank },
      { path: '/units/:id', component: Blank },
      { path: '/members/:id', component: Blank },
      { path: '/education', component: Blank },
      { path: '/dues', component: Blank },
      { path: '/votes/:id', component: Blank },
    ],
  });
  void router.push(path);
  return router;
}

function signIn(roles = ['COMMUNITY_SECRETARY']): void {
  startSession({ accessToken: 'token-1', tokenType: 'Bearer', expiresIn: 3600, subject: 'secretary', name: '江欣苑书记', roles, orgUnits: ['jxy'] });
}

const jxy = { id: 'jxy', code: 'JXY', name: '江欣苑社区', level: 'COMMUNITY', form: 'COMMITTEE', status: 'ACTIVE', depth: 4, hasLeader: true, version: 1, createdAt: AT, updatedAt: AT };
const program = { id: 'p1', unitId: 'jxy', unitName: '江欣苑社区', name: '2026年党员冬训', startsOn: '2026-12-01', endsOn: '2027-01-31', requiredCredits: 4,
  status: 'OPEN', courses: 1, sessions: 1, trainees: 2, version: 2, createdAt: AT, updatedAt: AT };
const session = { id: 's1', courseId: 'c1', courseTitle: '学习四中全会精神', programId: 'p1', format: 'IN_PERSON', startsAt: AT, endsAt: AT,
  venues: [{ venueId: 'v1', name: '党群服务中心', kind: 'CLASSROOM', attended: 1 }], attendedOnline: 0, attended: 1 };

afterEach(() => {
  endSession();
  sessionStorage.clear();
});

describe('the education page', () => {
  it('creates a program (a refused field named), shows a session\'s attendance and marks a trainee present', async () => {
    signIn();
    const attendance = [{ sessionId: 's1', memberId: 'a', name: '李红', unitName: '一支部', venueId: 'v1', venueName: '党群服务中心', method: 'CODE', recordedAt: AT }];
    const { requests } = fakeApi(
      on('GET', /\/org-units\/jxy$/, () => ({ body: jxy })),
      on('GET', /\/education\/programs$/, () => ({ body: { ...page0, total: 1, items: [program] } })),
      on('POST', /\/education\/programs$/, () => ({ status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'createProgram.input.requiredCredits', message: '不能为null' }] } })),
      on('GET', /\/education\/programs\/p1$/, () => ({ body: program })),
      on('GET', /\/programs\/p1\/courses$/, () => ({ body: { ...page0, total: 1, items: [{ id: 'c1', programId: 'p1', title: '学习四中全会精神', hours: 2, credits: 2, format: 'IN_PERSON', sessions: 1, version: 1 }] } })),
      on('GET', /\/programs\/p1\/sessions$/, () => ({ body: { ...page0, total: 1, items: [session] } })),
      on('GET', /\/programs\/p1\/venues$/, () => ({ body: [{ id: 'v1', programId: 'p1', name: '党群服务中心', kind: 'CLASSROOM' }] })),
      on('GET', /\/education\/sessions\/s1$/, () => ({ body: session })),
      on('GET', /\/sessions\/s1\/attendance$/, () => ({ body: { ...page0, total: attendance.length, items: attendance } })),
      on('GET', /\/education\/enrolments$/, () => ({ body: { ...page0, total: 2, items: [
        { memberId: 'a', name: '李红', unitId: 'b1', credits: 2, courses: 1, sessions: 1, completed: false },
        { memberId: 'b', name: '王刚', unitId: 'b1', credits: 0, courses: 0, sessions: 0, completed: false },
      ] } })),
      on('POST', /\/sessions\/s1\/attendance$/, (_r, body) => {
        attendance.push({ sessionId: 's1', memberId: 'b', name: '王刚', unitName: '一支部', venueId: 'v1', venueName: '党群服务中心', method: 'STAFF', recordedAt: AT });
        return { status: 201, body: { ...(body as object), sessionId: 's1', name: '王刚', method: 'STAFF', recordedAt: AT } };
      }),
      on('POST', /\/sessions\/s1\/sign-in-codes$/, () => ({ status: 201, body: { sessionId: 's1', venueId: 'v1', code: '482913', expiresAt: AT } })),
      on('GET', /\/rankings\/excellent$/, () => ({ body: { ...page0, total: 1, items: [{ rank: 1, memberId: 'a', name: '李红', unitId: 'b1', monthCredits: 2, totalCredits: 2, excellent: true, bottom: false }] } })),
      on('GET', /\/rankings\/bottom$/, () => ({ body: page0 })),
      on('GET', /\/reports\/completion$/, () => ({ body: { unitId: 'jxy', unitName: '江欣苑社区', enrolled: 2, completed: 1, rate: 0.5, requiredCredits: 4, byUnit: [] } })),
    );
    const router = routerFor('/education?within=jxy&program=p1&session=s1');
    await router.isReady();
    const page = mount(EducationPage, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=programs]').text()).toContain('2026年党员冬训');
    expect(page.get('[data-test=program-status]').text()).toBe('进行中');
    expect(page.get('[data-test=attendance]').text()).toContain('李红');
    // only who is not recorded yet can be marked
    expect(page.findAll('#mark-member option').map((o) => o.text())).toEqual(['王刚']);
    await page.get('[data-test=mark-form]').trigger('submit');
    await flushPromises();
    expect(requests.find((r) => r.request.method === 'POST' && r.request.url.endsWith('/attendance'))?.body).toEqual({ memberId: 'b', venueId: 'v1' });
    expect(page.get('[data-test=attendance-done]').text()).toBe('王刚 已登记到课。');
    expect(page.findAll('[data-test=attendance] tbody tr')).toHaveLength(2);

    await page.get('[data-test=issue-code]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test=sign-in-code] [data-test=code]').text()).toBe('482913');
    expect(page.get('[data-test=excellent]').text()).toContain('李红');
    expect(page.get('[data-test=completion-rate]').text()).toBe('50%');

    await page.get('[data-test=new-program]').trigger('click');
    await page.get('#program-name').setValue('2027年春训');
    await page.get('[data-test=program-form]').trigger('submit');
    await flushPromises();
    expect(page.get('#program-credits-error').text()).toBe('不能为null');
    expect(JSON.parse(sessionStorage.getItem('console.draft:education:program') ?? '{}').name).toBe('2027年春训');
  });
});

describe('the dues page', () => {
  it('shows the collection and records a payment from the arrears list, its back-payment reason named at its field', async () => {
    signIn();
    let owed = 11;
    const line = () => ({ memberId: 'm1', name: '张伟', unitId: 'b1', status: 'FULL', paidThrough: null, nextMonth: owed === 11 ? '2026-01' : '2026-04',
      owedMonths: owed, owedAmount: (owed * 12).toFixed(2), unexcusedMonths: owed, flagged: true, mobile: false });
    const { requests } = fakeApi(
      on('GET', /\/org-units\/jxy$/, () => ({ body: jxy })),
      on('GET', /\/collection$/, () => ({ body: {
        total: { unitId: 'jxy', code: 'JXY', name: '江欣苑社区', month: '2026-12', liable: 4, paid: 3, collectionRate: '0.7500', dueAmount: '48.00', paidDueAmount: '36.00', extraAmount: '0.00', outstandingAmount: '12.00', receivedAmount: '36.00' },
        children: [],
      } })),
      on('GET', /\/arrears$/, () => ({ body: { ...page0, total: 1, items: [line()] } })),
      on('POST', /\/dues\/payments$/, (_r, body) => {
        if (!(body as { backPaymentReason?: string }).backPaymentReason) {
          return { status: 422, body: { status: 422, title: '无法办理', errors: [{ field: 'backPaymentReason', message: '补交超过六个月的党费须说明原因' }] } };
        }
        owed = 8;
        return { status: 201, body: { id: 'r1', receiptNo: 'DF-2026-0001', kind: 'PAYMENT', memberId: 'm1', memberName: '张伟', unitId: 'b1', fromMonth: '2026-01', months: 3, toMonth: '2026-03',
          dueAmount: '36.00', extraAmount: '0.00', totalAmount: '36.00', paidOn: '2026-12-05', recordedBy: 'secretary', recordedAt: AT } };
      }),
    );
    const router = routerFor('/dues?within=jxy');
    await router.isReady();
    const page = mount(DuesPage, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=collection-rate]').text()).toBe('75%');
    await page.get('button[aria-label="为 张伟 登记缴费"]').trigger('click');
    await page.get('#pay-m1-months').setValue('3');
    await page.get('[data-test=payment-form]').trigger('submit');
    await flushPromises();
    const first = requests.find((r) => r.request.method === 'POST');
    expect(first?.body).toMatchObject({ memberId: 'm1', fromMonth: '2026-01', months: 3, method: 'CASH' });
    expect(page.get('#pay-m1-reason-error').text()).toBe('补交超过六个月的党费须说明原因');
    await page.get('#pay-m1-reason').setValue('外出务工期间未能按月交纳');
    await page.get('[data-test=payment-form]').trigger('submit');
    await flushPromises();
    const second = requests.filter((r) => r.request.method === 'POST').pop();
    // a refused payment and the one that went through are two requests, with two keys
    expect(second?.request.headers.get('Idempotency-Key')).not.toBe(first?.request.headers.get('Idempotency-Key'));
    expect(page.get('[data-test=dues-done]').text()).toContain('DF-2026-0001');
    expect(page.get('[data-test=arrears]').text()).toContain('96.00');
  });
});

describe('the home page', () => {
  it('shows a member their own study credits, and nothing to someone without a member record', async () => {
    signIn(['RESIDENT']);
    fakeApi(
      on('GET', /\/votes$/, () => ({ body: page0 })),
      on('GET', /\/credits\/mine$/, () => ({ body: [{ programId: 'p1', programName: '2026年党员冬训', credits: 2, requiredCredits: 4, courses: 1, sessions: 1, completed: false }] })),
    );
    const router = routerFor('/');
    await router.isReady();
    const page = mount(HomePage, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=study-credits]').text()).toContain('2026年党员冬训');
    expect(page.get('[data-test=study-credits]').text()).toContain('2 / 4 学分');
  });
});
