import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { fakeApi, on } from '../test/fakeApi';
import { endSession, startSession } from '../lib/session';
import { forgetMe } from '../lib/me';
import { noticeState, placeOf, publishedResolutions } from '../lib/community';
import type { components } from '../api/generated/contract';
import ResolutionPage from './ResolutionPage.vue';
import DisclosuresPage from './DisclosuresPage.vue';
import MyCommunityPage from './MyCommunityPage.vue';

type OrgUnit = components['schemas']['OrgUnit'];

const Blank = defineComponent({ render: () => h('div') });
const at = '2026-12-01T10:00:00+08:00';

function routerFor(path: string): Router {
  const router = createRouter({ history: createMemoryHistory('/console/'), routes: [{ path: '/:rest(.*)*', component: Blank }] });
  void router.push(path);
  return router;
}

function signIn(roles: string[], unit = 'b12'): void {
  startSession({ accessToken: 't', tokenType: 'Bearer', expiresIn: 3600, subject: 'r1', name: '李居民', roles, orgUnits: [unit] });
}

function unit(id: string, name: string, level: string): OrgUnit {
  return { id, code: id, name, level, form: 'GROUP', status: 'ACTIVE', depth: 1, hasLeader: true, version: 1, createdAt: at, updatedAt: at } as OrgUnit;
}

function topic(id: string, stage: string) {
  return { id, title: `议题${id}`, category: 'OTHER', scope: { unitId: 'yy', name: '裕园社区' }, proposer: '居民', stage, consensus: {}, version: 1, createdAt: at, updatedAt: at };
}

function resolution(id: string, topicId: string, extra: Record<string, unknown> = {}) {
  return { id, topicId, text: '更换污水管网', basis: 'CONSENSUS', noticeDays: 7, status: 'PUBLISHED', inNotice: false, publishedAt: at, createdBy: '书记', version: 2, createdAt: at, ...extra };
}

afterEach(() => {
  endSession();
  forgetMe();
  sessionStorage.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a resident\'s community', () => {
  it('finds the community and the compound above a unit, and the days left of a notice', () => {
    const chain = [unit('c', '济南市', 'CITY'), unit('yy', '裕园社区', 'COMMUNITY'), unit('df', '东方新天地花园', 'COMPOUND'), unit('b', '3号楼', 'BUILDING')];
    expect(placeOf(chain).community?.name).toBe('裕园社区');
    expect(placeOf(chain).compound?.name).toBe('东方新天地花园');
    expect(placeOf(chain.slice(0, 2)).compound).toBeNull();
    const now = Date.parse('2026-12-03T10:00:00+08:00');
    expect(noticeState({ inNotice: true, noticeEndsAt: '2026-12-08T09:00:00+08:00' }, now)).toEqual({ open: true, daysLeft: 5 });
    expect(noticeState({ inNotice: true, noticeEndsAt: '2026-12-02T09:00:00+08:00' }, now).open).toBe(false);
    expect(noticeState({ inNotice: false, noticeEndsAt: null }, now)).toEqual({ open: false, daysLeft: 0 });
  });

  it('lists the community\'s published resolutions newest first, each with its topic, an older topic read on its own', async () => {
    signIn(['RESIDENT']);
    const { requests } = fakeApi(
      on('GET', /\/topics$/, () => ({ body: { items: [topic('t1', 'CLOSED'), topic('t3', 'IMPLEMENTATION')], page: 0, size: 100, total: 3 } })),
      on('GET', /\/topics\/t9$/, () => ({ body: topic('t9', 'CLOSED') })),
      on('GET', /\/resolutions$/, () => {
        const items = [resolution('r1', 't1', { publishedAt: '2026-01-01T00:00:00+08:00' }),
          resolution('r3', 't3', { publishedAt: '2026-06-01T00:00:00+08:00' }), resolution('r9', 't9', { publishedAt: '2025-06-01T00:00:00+08:00' })];
        return { body: { items, page: 0, size: 50, total: items.length } };
      }),
    );
    const list = await publishedResolutions('yy');
    expect(list.map((x) => x.resolution.id)).toEqual(['r3', 'r1', 'r9']);
    expect(list.map((x) => x.topic.title)).toEqual(['议题t3', '议题t1', '议题t9']);
    const asked = new URL(requests.find((r) => r.request.url.includes('/resolutions'))!.request.url).searchParams;
    expect(asked.get('within')).toBe('yy');
    expect(asked.get('status')).toBe('PUBLISHED');
    expect(requests.filter((r) => r.request.url.includes('/topics/t1'))).toHaveLength(0);
  });

  it('shows a resident their hours, the resolutions and the accounts of their compound', async () => {
    signIn(['RESIDENT'], 'b3');
    fakeApi(
      on('GET', /\/volunteers\/me$/, () => ({ status: 404, body: { status: 404, title: '未找到' } })),
      on('GET', /\/org-units\/b3\/ancestors$/, () => ({ body: [unit('yy', '裕园社区', 'COMMUNITY'), unit('df', '东方新天地花园', 'COMPOUND')] })),
      on('GET', /\/org-units\/b3$/, () => ({ body: unit('b3', '3号楼', 'BUILDING') })),
      on('GET', /\/topics$/, () => ({ body: { items: [topic('t1', 'CLOSED')], page: 0, size: 100, total: 1 } })),
      on('GET', /\/resolutions$/, () => ({ body: { items: [resolution('r1', 't1')], page: 0, size: 20, total: 1 } })),
      on('GET', /\/disclosures\/balances$/, () => ({ body: [{ compoundId: 'df', compoundName: '东方新天地花园', fund: 'PUBLIC_INCOME', balance: 10234.5, income: 20000, expense: 9765.5, entries: 9 }] })),
    );
    const router = routerFor('/community');
    await router.isReady();
    const page = mount(MyCommunityPage, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('h1').text()).toBe('我的社区 · 裕园社区');
    expect(page.get('[data-test=my-hours]').text()).toContain('您还没有注册为志愿者');
    expect(page.get('[data-test=resolutions]').text()).toContain('议题t1');
    expect(page.get('[data-test=disclosures]').text()).toContain('公共收益');
    expect(page.get('[data-test=disclosures]').text()).toContain('结余 10,234.5 元');
  });
});

describe('a resolution', () => {
  it('takes an objection during its notice and names a refused field', async () => {
    signIn(['RESIDENT']);
    const ends = new Date(Date.now() + 3 * 86_400_000 - 3_600_000).toISOString();
    const { requests } = fakeApi(
      on('GET', /\/resolutions\/r1$/, () => ({ body: resolution('r1', 't1', { inNotice: true, noticeEndsAt: ends, objectionCount: 0 }), headers: { ETag: '"2"' } })),
      on('GET', /\/topics\/t1$/, () => ({ body: topic('t1', 'RESOLUTION') })),
      on('POST', /\/resolutions\/r1\/objections$/, () => ({ status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'text', message: '不能为空' }] } })),
    );
    const router = routerFor('/resolutions/r1');
    await router.isReady();
    const page = mount(ResolutionPage, { props: { id: 'r1' }, global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=notice-window]').text()).toContain('还剩 3 天');
    await page.get('[data-test=objection-form]').trigger('submit');
    await flushPromises();
    expect(requests.find((r) => r.request.method === 'POST')?.body).toEqual({ ownerName: '李居民', text: '' });
    expect(page.get('#text-error').text()).toBe('不能为空');
    expect(page.get('#o-text').attributes('aria-invalid')).toBe('true');
  });

  it('takes no objection once the notice is over', async () => {
    signIn(['RESIDENT']);
    fakeApi(
      on('GET', /\/resolutions\/r1$/, () => ({ body: resolution('r1', 't1', { inNotice: false, noticeEndsAt: at, objectionCount: 2 }) })),
      on('GET', /\/topics\/t1$/, () => ({ body: topic('t1', 'CLOSED') })),
    );
    const router = routerFor('/resolutions/r1');
    await router.isReady();
    const page = mount(ResolutionPage, { props: { id: 'r1' }, global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=notice-window]').text()).toContain('公示期已结束');
    expect(page.find('[data-test=objection-form]').exists()).toBe(false);
    expect(page.get('[data-test=objection-count]').text()).toBe('2');
  });
});

describe('the public accounts', () => {
  it('shows the fund\'s balance and each entry with the balance after it', async () => {
    signIn(['RESIDENT']);
    fakeApi(
      on('GET', /\/disclosures\/balances$/, () => ({ body: [
        { compoundId: 'df', compoundName: '东方新天地花园', fund: 'PROPERTY_FUND', balance: 500, income: 500, expense: 0, entries: 1 },
        { compoundId: 'df', compoundName: '东方新天地花园', fund: 'PUBLIC_INCOME', balance: 1200, income: 2000, expense: 800, entries: 2 },
      ] })),
      on('GET', /\/disclosures$/, (r) => {
        const fund = new URL(r.url).searchParams.get('fund');
        const items = fund === 'PUBLIC_INCOME' ? [
          { id: 'd1', compoundId: 'df', compoundName: '东方新天地花园', fund, seq: 1, kind: 'ENTRY', direction: 'INCOME', amount: 2000, balanceAfter: 2000, occurredOn: '2026-01-05', summary: '广告位收入', corrected: false, recordedBy: '书记', recordedAt: at },
          { id: 'd2', compoundId: 'df', compoundName: '东方新天地花园', fund, seq: 2, kind: 'ENTRY', direction: 'EXPENSE', amount: 800, balanceAfter: 1200, occurredOn: '2026-02-01', summary: '路灯维修', corrected: false, recordedBy: '书记', recordedAt: at },
        ] : [];
        return { body: { items, page: 0, size: 20, total: items.length } };
      }),
    );
    const router = routerFor('/disclosures/df?fund=PUBLIC_INCOME');
    await router.isReady();
    const page = mount(DisclosuresPage, { props: { compoundId: 'df' }, global: { plugins: [router] } });
    await flushPromises();
    expect(page.get('[data-test=balance]').text()).toBe('1,200');
    const rows = page.findAll('[data-test=ledger] tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.text()).toContain('路灯维修');
    expect(rows[1]!.findAll('td').at(-1)!.text()).toBe('1,200');
  });
});
