import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { fakeApi, on } from '../test/fakeApi';
import { endSession, startSession } from '../lib/session';
import { forgetMe } from '../lib/me';
import ActivityPage from './ActivityPage.vue';
import VolunteerPage from './VolunteerPage.vue';
import ReviewQueue from '../components/ReviewQueue.vue';

const Blank = defineComponent({ render: () => h('div') });
const at = '2026-12-03T19:00:00+08:00';

function routerFor(path: string): Router {
  const router = createRouter({
    history: createMemoryHistory('/console/'),
    routes: [{ path: '/:rest(.*)*', component: Blank }],
  });
  void router.push(path);
  return router;
}

function signIn(roles: string[]): void {
  startSession({ accessToken: 't', tokenType: 'Bearer', expiresIn: 3600, subject: 'u1', name: '志愿者', roles, orgUnits: ['bhsj'] });
}

const me = { id: 'v1', name: '王芳', skills: [], verificationStatus: 'VERIFIED', verifiedHours: 12.5, starLevel: 0, version: 1, createdAt: at, updatedAt: at };
const activity = {
  id: 'a1', teamId: 'tm1', title: '楼道清洁', place: '1幢', startsAt: at, endsAt: at, capacity: 1, confirmed: 1, waitlisted: 0,
  placesLeft: 0, requiredSkills: [], status: 'OPEN', phase: 'UPCOMING', version: 1, createdAt: at,
};
const team = { id: 'tm1', name: '临湖苑环境队', orgUnitId: 'bhsj', leaderId: 'lead1', deputyIds: [], memberCount: 12, status: 'ACTIVE', version: 1, createdAt: at, updatedAt: at };

beforeEach(() => forgetMe());
afterEach(() => {
  endSession();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});

describe('an activity page', () => {
  it('puts a full activity\'s sign-up on the waitlist with its place, and checks in with the code of the scanned link', async () => {
    signIn(['VOLUNTEER']);
    let signedUp = false;
    const { requests } = fakeApi(
      on('GET', /\/activities\/a1$/, () => ({ body: activity })),
      on('GET', /\/teams\/tm1$/, () => ({ body: team })),
      on('GET', /\/volunteers\/me$/, () => ({ body: me })),
      on('GET', /\/volunteers\/v1\/signups$/, () => ({ body: { items: signedUp ? [{ id: 's1', activityId: 'a1', volunteerId: 'v1', status: 'WAITLISTED', waitlistPosition: 2, createdAt: at }] : [], page: 0, size: 100, total: 0 } })),
      on('POST', /\/activities\/a1\/signups$/, () => {
        signedUp = true;
        return { status: 201, body: { id: 's1', activityId: 'a1', volunteerId: 'v1', status: 'WAITLISTED', waitlistPosition: 2, createdAt: at } };
      }),
      on('POST', /\/activities\/a1\/check-ins$/, () => ({ status: 409, body: { status: 409, title: '不能签到', errors: [{ field: 'code', message: '签到码不正确' }] } })),
    );
    const router = routerFor('/activities/a1?code=042917');
    await router.isReady();
    const page = mount(ActivityPage, { props: { id: 'a1' }, global: { plugins: [router], stubs: { CheckInCode: true } } });
    await flushPromises();
    // a volunteer reads neither the sign-up list nor the code
    expect(page.find('[data-test=signups]').exists()).toBe(false);
    expect(requests.some((r) => r.request.url.includes('/check-in-code'))).toBe(false);
    await page.get('[data-test=my-activity] button.primary').trigger('click');
    await flushPromises();
    const post = requests.find((r) => r.request.method === 'POST')!;
    expect(post.body).toEqual({ volunteerId: 'v1' });
    expect(page.get('[data-test=done]').text()).toBe('名额已满,您在候补第 2 位。');
    expect(page.get('[data-test=my-signup]').text()).toContain('候补第 2 位');
    // a waitlisted volunteer has nothing to check in to
    expect(page.find('[data-test=check-form]').exists()).toBe(false);
  });

  it('shows a refused code next to the code field', async () => {
    signIn(['VOLUNTEER']);
    const { requests } = fakeApi(
      on('GET', /\/activities\/a1$/, () => ({ body: { ...activity, confirmed: 0, placesLeft: 1 } })),
      on('GET', /\/teams\/tm1$/, () => ({ body: team })),
      on('GET', /\/volunteers\/me$/, () => ({ body: me })),
      on('GET', /\/volunteers\/v1\/signups$/, () => ({ body: { items: [{ id: 's1', activityId: 'a1', volunteerId: 'v1', status: 'CONFIRMED', createdAt: at }], page: 0, size: 100, total: 1 } })),
      on('POST', /\/activities\/a1\/check-ins$/, () => ({ status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'code', message: '签到码不正确' }] } })),
    );
    const router = routerFor('/activities/a1?code=042917');
    await router.isReady();
    const page = mount(ActivityPage, { props: { id: 'a1' }, global: { plugins: [router], stubs: { CheckInCode: true } } });
    await flushPromises();
    expect((page.get('#code').element as HTMLInputElement).value).toBe('042917');
    await page.get('[data-test=check-form] button.primary').trigger('click');
    await flushPromises();
    expect(requests.find((r) => r.request.url.endsWith('/check-ins'))?.body).toEqual({ volunteerId: 'v1', code: '042917' });
    expect(page.get('#code-error').text()).toBe('签到码不正确');
    expect(page.get('#code').attributes('aria-invalid')).toBe('true');
  });
});

describe('a volunteer\'s page', () => {
  it('shows hours and stars, and names a refused certificate at its team field', async () => {
    signIn(['VOLUNTEER']);
    fakeApi(
      on('GET', /\/volunteers\/me$/, () => ({ body: me })),
      on('GET', /\/volunteers\/v1\/hours$/, () => ({ body: { volunteerId: 'v1', verifiedHours: 312.5, starLevel: 2, nextStarAtHours: 600, hoursToNextStar: 287.5, byYear: [{ year: 2026, verifiedHours: 40 }] } })),
      on('GET', /\/volunteers\/v1\/certificates$/, () => ({ body: [] })),
      on('GET', /\/volunteers\/v1\/teams$/, () => ({ body: [{ teamId: 'tm1', teamName: '临湖苑环境队', status: 'ACTIVE', role: 'MEMBER', joinedAt: at }] })),
      on('GET', /\/volunteers\/v1\/signups$/, () => ({ body: { items: [], page: 0, size: 10, total: 0 } })),
      on('POST', /\/volunteers\/v1\/certificates$/, () => ({ status: 422, body: { status: 422, title: '无法开具', errors: [{ field: 'teamId', message: '该队伍没有已认证的服务记录' }] } })),
    );
    const router = routerFor('/volunteers/me');
    await router.isReady();
    const page = mount(VolunteerPage, { props: { id: 'me' }, global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=verified-hours]').text()).toContain('312.5');
    expect(page.get('[data-test=stars]').text()).toContain('★★☆☆☆');
    await page.get('[data-test=issue-form]').trigger('submit');
    await flushPromises();
    expect(page.get('#teamId-error').text()).toBe('该队伍没有已认证的服务记录');
  });
});

describe('the leader\'s queue', () => {
  it('verifies a record in the name of the leader, with the minutes typed', async () => {
    signIn(['TEAM_LEADER']);
    const leader = { ...me, id: 'lead1', name: '队长' };
    const { requests } = fakeApi(
      on('GET', /\/volunteers\/me$/, () => ({ body: leader })),
      on('GET', /\/volunteers\/lead1\/teams$/, () => ({ body: [{ teamId: 'tm1', teamName: '临湖苑环境队', status: 'ACTIVE', role: 'LEADER', joinedAt: at }] })),
      on('GET', /\/teams\/tm1$/, () => ({ body: team })),
      on('GET', /\/teams\/tm1\/members$/, () => ({ body: { items: [{ teamId: 'tm1', volunteerId: 'v1', name: '王芳', role: 'MEMBER', verifiedHours: 1, starLevel: 0, joinedAt: at }], page: 0, size: 200, total: 1 } })),
      on('GET', /\/activities\/a1$/, () => ({ body: activity })),
      on('GET', /\/service-records$/, () => ({ body: { items: [{ id: 'r1', activityId: 'a1', volunteerId: 'v1', teamId: 'tm1', status: 'SUBMITTED', checkedInAt: at, checkedOutAt: at, checkInMethod: 'CODE', minutes: 50, version: 1 }], page: 0, size: 20, total: 1 } })),
      on('POST', /\/service-records\/r1\/verify$/, () => ({ body: { id: 'r1', activityId: 'a1', volunteerId: 'v1', status: 'VERIFIED', checkedInAt: at, checkInMethod: 'CODE', version: 2 } })),
    );
    const router = routerFor('/volunteering');
    await router.isReady();
    const page = mount(ReviewQueue, { global: { plugins: [router] } });
    await flushPromises();
    const queue = new URL(requests.find((r) => r.request.url.includes('/service-records'))!.request.url);
    expect(queue.searchParams.get('status')).toBe('SUBMITTED');
    expect(queue.searchParams.get('teamId')).toBe('tm1');
    expect(page.get('[data-record=r1]').text()).toContain('王芳');
    expect(page.get('[data-record=r1]').text()).toContain('楼道清洁');
    await page.get('#minutes-r1').setValue('60');
    await page.get('[data-record=r1] button.primary').trigger('click');
    await flushPromises();
    expect(requests.find((r) => r.request.method === 'POST')?.body).toEqual({ leaderId: 'lead1', minutes: 60 });
    expect(page.get('[data-test=queue-done]').text()).toBe('已认定 王芳 的服务时长。');
  });
});
