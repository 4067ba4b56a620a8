import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { fakeApi, on } from '../test/fakeApi';
import { endSession, startSession } from '../lib/session';
import { parentLevels, moveCounts } from '../lib/move';
import UnitMove from './UnitMove.vue';

function unit(id: string, name: string, level = 'BUILDING', parentId?: string) {
  return { id, code: id.toUpperCase(), name, level, form: 'GROUP', status: 'ACTIVE', depth: 5, hasLeader: true, version: 4, parentId, createdAt: '2026-01-01T00:00:00+08:00', updatedAt: '2026-01-01T00:00:00+08:00' };
}

const stats = {
  unitId: 'b3', name: '3号楼', level: 'BUILDING',
  units: { total: 0, byLevel: {}, byForm: {} },
  households: 48, residents: 130, centralHouseholds: 2, servedHouseholds: 40,
  members: { partyMembers: 7, full: 6, probationary: 1, mobile: 0, byStatus: { FULL: 6, PROBATIONARY: 1 } },
  coverage: { uncoveredBuildings: 0, leaderlessUnits: 0, unservedHouseholds: 8 },
} as const;

const rules = { roots: ['CITY'], rules: [{ parent: 'COMPOUND', child: 'BUILDING' }, { parent: 'GRID', child: 'BUILDING' }, { parent: 'GRID', child: 'COMPOUND' }] };

function mountMove() {
  startSession({ accessToken: 't', tokenType: 'Bearer', expiresIn: 3600, subject: 's', name: '书记', roles: ['COMMUNITY_SECRETARY'], orgUnits: ['jxy'] });
  return mount(UnitMove, {
    props: { unit: unit('b3', '3号楼', 'BUILDING', 'c1') as never, etag: '"4"', parent: unit('c1', '江欣苑一期', 'COMPOUND') as never, stats: stats as never },
  });
}

afterEach(() => {
  endSession();
  vi.unstubAllGlobals();
});

describe('the parent levels and the counts of a move', () => {
  it('takes the allowed parent levels from the rules, and counts the unit itself with its subtree', () => {
    expect(parentLevels(rules as never, 'BUILDING')).toEqual(['COMPOUND', 'GRID']);
    expect(parentLevels(rules as never, 'CITY')).toEqual([]);
    expect(moveCounts(stats as never)).toEqual({ units: 1, households: 48, centralHouseholds: 2, members: 7 });
  });
});

describe('moving a unit', () => {
  it('confirms with the old and new parent and what moves, then sends the move with If-Match', async () => {
    const { requests } = fakeApi(
      on('GET', /\/org-units\/level-rules$/, () => ({ body: rules })),
      on('GET', /\/org-units$/, () => ({ body: { items: [unit('c1', '江欣苑一期', 'COMPOUND'), unit('c2', '江欣苑二期', 'COMPOUND')], page: 0, size: 50, total: 2 } })),
      on('POST', /\/org-units\/b3\/move$/, () => ({ body: unit('b3', '3号楼', 'BUILDING', 'c2') })),
    );
    const page = mountMove();
    await page.get('[data-test=move-start]').trigger('click');
    await flushPromises();
    await page.get('#move-parent').setValue('二期');
    await page.get('form').trigger('submit');
    await flushPromises();
    const search = new URL(requests[1]!.request.url);
    expect(search.searchParams.getAll('level')).toEqual(['COMPOUND', 'GRID']);
    expect(search.searchParams.get('q')).toBe('二期');
    expect(search.searchParams.get('within')).toBe('jxy');
    // the current parent is not offered
    const offered = page.findAll('[data-test=move-candidates] button');
    expect(offered.map((b) => b.text())).toEqual(['江欣苑二期']);
    await offered[0]!.trigger('click');
    const confirm = page.get('[data-test=move-confirm]').text();
    expect(confirm).toContain('将「3号楼」从「江欣苑一期」移到「江欣苑二期」之下');
    expect(confirm).toContain('组织 1 个');
    expect(confirm).toContain('住户 48 户,其中党员中心户 2 户');
    expect(confirm).toContain('党员 7 名');
    expect(requests.some((r) => r.request.method === 'POST')).toBe(false);

    await page.get('[data-test=move-confirm-button]').trigger('click');
    await flushPromises();
    const post = requests.find((r) => r.request.method === 'POST')!;
    expect(post.request.headers.get('If-Match')).toBe('"4"');
    expect(post.request.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
    expect(post.body).toEqual({ newParentId: 'c2' });
    expect(page.emitted('moved')?.[0]?.[0]).toMatchObject({ id: 'c2' });
  });

  it('says that someone else changed the unit (412) and asks the page to reload; a cycle (409) is explained', async () => {
    let answer = 412;
    fakeApi(
      on('GET', /\/org-units\/level-rules$/, () => ({ body: rules })),
      on('GET', /\/org-units$/, () => ({ body: { items: [unit('c2', '江欣苑二期', 'COMPOUND')], page: 0, size: 50, total: 1 } })),
      on('POST', /\/org-units\/b3\/move$/, () => ({ status: answer, body: { status: answer, title: answer === 412 ? '版本已过期' : '操作冲突', detail: answer === 409 ? '不能移到自己的下级' : undefined } })),
    );
    const page = mountMove();
    await page.get('[data-test=move-start]').trigger('click');
    await flushPromises();
    await page.get('form').trigger('submit');
    await flushPromises();
    await page.get('[data-test=move-candidates] button').trigger('click');
    await page.get('[data-test=move-confirm-button]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test=move-stale]').text()).toContain('已被他人修改');
    expect(page.get('[data-test=problem]').text()).toContain('版本已过期');
    expect(page.emitted('stale')).toHaveLength(1);
    expect(page.find('[data-test=move-confirm]').exists()).toBe(false);

    answer = 409;
    await page.get('[data-test=move-candidates] button').trigger('click');
    await page.get('[data-test=move-confirm-button]').trigger('click');
    await flushPromises();
    expect(page.get('[data-test=move-conflict]').text()).toContain('不能移到本组织或其下级组织之下');
    expect(page.get('[data-test=problem]').text()).toContain('不能移到自己的下级');
    expect(page.emitted('moved')).toBeUndefined();
  });
});
