import { afterEach, describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter, type Router } from 'vue-router';
import { defineComponent, h } from 'vue';
import { fakeApi, on } from '../test/fakeApi';
import { endSession, startSession } from '../lib/session';
import MembersPage from './MembersPage.vue';
import MemberPage from './MemberPage.vue';

const Blank = defineComponent({ render: () => h('div') });
const AT = '2026-01-01T00:00:00+08:00';
const page0 = { page: 0, size: 20, total: 0, items: [] };

function routerFor(path: string): Router {
  const router = createRouter({
    history: createMemoryHistory('/console/'),
    routes: [
      { path: '/', component: Blank },
      { path: '/units/:id', component: Blank },
      { path: '/members', component: Blank },
      { path: '/members/:id', component: Blank },
    ],
  });
  void router.push(path);
  return router;
}

function signIn(): void {
  startSession({ accessToken: 'token-1', tokenType: 'Bearer', expiresIn: 3600, subject: 'secretary', name: '江欣苑书记', roles: ['COMMUNITY_SECRETARY'], orgUnits: ['jxy'] });
}

function unit(id: string, name: string, form: string | null) {
  return { id, code: id, name, level: 'COMPOUND', form, status: 'ACTIVE', depth: 5, hasLeader: false, version: 1, createdAt: AT, updatedAt: AT };
}

function member(extra: Record<string, unknown> = {}) {
  return {
    id: 'm1', unitId: 'b1', name: '张晓红', gender: 'FEMALE', birthDate: '1990-05-01', age: 36, phone: '138****1234', idNumber: null,
    status: 'FULL', statusOn: '2020-07-01', mobile: false, nextSteps: ['DECEASED', 'REMOVED'], version: 2, createdAt: AT, updatedAt: AT, ...extra,
  };
}

function pending(extra: Record<string, unknown> = {}) {
  return { id: 'tr1', memberId: 'm1', kind: 'INTERNAL', fromUnitId: 'b1', toUnitId: 'b2', letterNumber: 'ZZ-2026-001', status: 'PENDING',
    initiatedOn: '2026-04-01', version: 1, createdAt: AT, updatedAt: AT, ...extra };
}

/** The member page's reads, with the transfers and outflows given. */
function memberRoutes(transfers: unknown[] = [], outflows: unknown[] = []) {
  return [
    on('GET', /\/api\/v1\/members\/m1$/, () => ({ body: member(), headers: { ETag: '"2"' } })),
    on('GET', /\/members\/m1\/history$/, () => ({ body: [] })),
    on('GET', /\/members\/posts$/, () => ({ body: page0 })),
    on('GET', /\/api\/v1\/transfers$/, () => ({ body: { ...page0, total: transfers.length, items: transfers } })),
    on('GET', /\/growth-record$/, () => ({ body: { memberId: 'm1', memberName: '张晓红', transfers: [], outflows, sessions: [], creditsByYear: [] } })),
    on('GET', /\/dues\/members\/m1$/, () => ({ status: 404, body: { status: 404, title: '未找到' } })),
  ];
}

async function memberPage() {
  const router = routerFor('/members/m1');
  await router.isReady();
  const page = mount(MemberPage, { props: { id: 'm1' }, global: { plugins: [router] } });
  await flushPromises();
  return page;
}

afterEach(() => {
  endSession();
  sessionStorage.clear();
});

describe('registering an applicant from the members page', () => {
  it('offers the unit\'s branches, names a refused field, keeps the text, and opens the new member', async () => {
    signIn();
    let refuse = true;
    const { requests } = fakeApi(
      on('GET', /\/org-units\/jxy$/, () => ({ body: unit('jxy', '江欣苑社区', 'COMMITTEE') })),
      on('GET', /\/org-units\/jxy\/children$/, () => ({ body: { ...page0, total: 2, items: [unit('b1', '江欣苑一期党支部', 'BRANCH'), unit('x', '江欣苑物业', null)] } })),
      on('GET', /\/api\/v1\/members$/, () => ({ body: page0 })),
      on('POST', /\/api\/v1\/members$/, () => (refuse
        ? { status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'createMember.input.birthDate', message: '必须是过去的日期' }] } }
        : { status: 201, body: member({ id: 'm9', name: '李明', status: 'APPLICANT' }) })),
    );
    const router = routerFor('/members?within=jxy');
    await router.isReady();
    const page = mount(MembersPage, { global: { plugins: [router] } });
    await flushPromises();
    expect(page.findAll('#register-unit option').map((o) => o.text())).toEqual(['江欣苑一期党支部']);

    await page.get('#register-name').setValue('李明');
    await page.get('#register-gender').setValue('MALE');
    await page.get('#register-birthDate').setValue('2099-01-01');
    await page.get('[data-test=register-form]').trigger('submit');
    await flushPromises();
    const sent = requests.find((r) => r.request.method === 'POST');
    expect(sent?.body).toEqual({ unitId: 'b1', name: '李明', gender: 'MALE', birthDate: '2099-01-01' });
    expect(sent?.request.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
    expect(page.get('#register-birthDate-error').text()).toBe('必须是过去的日期');
    expect(page.get('#register-birthDate').attributes('aria-invalid')).toBe('true');
    expect(JSON.parse(sessionStorage.getItem('console.draft:register:person') ?? '{}').name).toBe('李明');

    refuse = false;
    await page.get('#register-birthDate').setValue('1999-01-01');
    await page.get('[data-test=register-form]').trigger('submit');
    await flushPromises();
    expect(router.currentRoute.value.path).toBe('/members/m9');
    expect(sessionStorage.getItem('console.draft:register:person')).toBeNull();
  });

  it('lists the pending transfers of the subtree by name, and the receiving side accepts one', async () => {
    signIn();
    let status = 'PENDING';
    const { requests } = fakeApi(
      on('GET', /\/org-units\/jxy$/, () => ({ body: unit('jxy', '江欣苑社区', 'COMMITTEE') })),
      on('GET', /\/org-units\/jxy\/children$/, () => ({ body: page0 })),
      on('GET', /\/org-units\/b1$/, () => ({ body: unit('b1', '江欣苑一期党支部', 'BRANCH') })),
      on('GET', /\/org-units\/b2$/, () => ({ body: unit('b2', '江欣苑二期党支部', 'BRANCH') })),
      on('GET', /\/api\/v1\/members$/, () => ({ body: page0 })),
      on('GET', /\/api\/v1\/members\/m1$/, () => ({ body: member() })),
      on('GET', /\/api\/v1\/transfers$/, () => ({ body: status === 'PENDING' ? { ...page0, total: 1, items: [pending()] } : page0 })),
      on('POST', /\/transfers\/tr1\/accept$/, () => { status = 'ACCEPTED'; return { body: pending({ status: 'ACCEPTED', decidedOn: '2026-04-02' }) }; }),
    );
    const router = routerFor('/members?within=jxy');
    await router.isReady();
    const page = mount(MembersPage, { global: { plugins: [router] } });
    await flushPromises();
    await page.get('[data-test=tab-transfers]').trigger('click');
    await flushPromises();
    const row = page.get('[data-test=pending-transfers] tbody tr');
    expect(row.text()).toContain('张晓红');
    expect(row.text()).toContain('江欣苑一期党支部');
    expect(row.text()).toContain('江欣苑二期党支部');
    await row.get('button[aria-label="接收 张晓红 的转接"]').trigger('click');
    await row.get('form').trigger('submit');
    await flushPromises();
    expect(requests.find((r) => r.request.url.endsWith('/accept'))?.request.headers.get('Idempotency-Key')).toMatch(/[0-9a-f-]{36}/);
    expect(page.get('[data-test=transfer-done]').text()).toBe('张晓红 的转接已接收。');
    expect(page.findAll('[data-test=pending-transfers] tbody tr')[0]!.text()).toContain('暂无');
  });
});

describe('a member\'s write paths', () => {
  it('edits the profile with If-Match, says the masked phone is cleared unless typed again, and reads the member again on 412', async () => {
    signIn();
    let answer = 412;
    const { requests } = fakeApi(
      on('PUT', /\/api\/v1\/members\/m1$/, () => (answer === 412
        ? { status: 412, body: { status: 412, title: '数据已被修改' } }
        : { body: member({ education: '本科', version: 3 }) })),
      ...memberRoutes(),
    );
    const page = await memberPage();
    await page.get('[data-test=edit-profile]').trigger('click');
    expect((page.get('#profile-name').element as HTMLInputElement).value).toBe('张晓红');
    expect(page.get('#profile-phone').attributes('placeholder')).toBe('138****1234');
    expect(page.get('[data-test=profile-cleared]').text()).toContain('联系电话');
    await page.get('#profile-education').setValue('本科');
    await page.get('#profile-phone').setValue('13812341234');
    expect(page.find('[data-test=profile-cleared]').exists()).toBe(false);
    await page.get('[data-test=profile-form]').trigger('submit');
    await flushPromises();
    const put = requests.find((r) => r.request.method === 'PUT');
    expect(put?.request.headers.get('If-Match')).toBe('"2"');
    expect(put?.body).toEqual({ name: '张晓红', gender: 'FEMALE', birthDate: '1990-05-01', education: '本科', phone: '13812341234' });
    expect(page.get('[data-test=member-done]').text()).toContain('已被他人修改');
    // the form stays as typed, and is a draft a sign-in in between finds again
    expect(JSON.parse(sessionStorage.getItem('console.draft:member:m1:profile') ?? '{}').education).toBe('本科');
    answer = 200;
    expect((page.get('#profile-education').element as HTMLInputElement).value).toBe('本科');
    await page.get('[data-test=profile-form]').trigger('submit');
    await flushPromises();
    expect(page.get('[data-test=member-done]').text()).toBe('基本信息已保存。');
    expect(page.find('[data-test=profile-form]').exists()).toBe(false);
    expect(sessionStorage.getItem('console.draft:member:m1:profile')).toBeNull();
  });

  it('appoints to a post in the member\'s unit and shows a refused appointment at its field', async () => {
    signIn();
    const { requests } = fakeApi(
      on('POST', /\/members\/posts$/, () => ({ status: 409, body: { status: 409, title: '与当前状态冲突', errors: [{ field: 'role', message: '该组织已有在任书记' }] } })),
      ...memberRoutes(),
    );
    const page = await memberPage();
    await page.get('#post-role').setValue('SECRETARY');
    await page.get('#post-startsOn').setValue('2026-03-01');
    await page.get('[data-test=appoint-form]').trigger('submit');
    await flushPromises();
    expect(requests.find((r) => r.request.method === 'POST')?.body).toEqual({ unitId: 'b1', memberId: 'm1', role: 'SECRETARY', startsOn: '2026-03-01' });
    expect(page.get('#post-role-error').text()).toBe('该组织已有在任书记');
    expect(page.get('#post-role').attributes('aria-invalid')).toBe('true');
  });

  it('starts a transfer to a branch found by name, then withdraws it', async () => {
    signIn();
    let transfers: unknown[] = [];
    const { requests } = fakeApi(
      on('GET', /\/api\/v1\/org-units$/, () => ({ body: { ...page0, total: 3, items: [
        unit('b1', '江欣苑一期党支部', 'BRANCH'), unit('b2', '江欣苑二期党支部', 'BRANCH'), unit('c', '江欣苑社区', 'COMMITTEE'),
      ] } })),
      on('POST', /\/api\/v1\/transfers$/, () => { transfers = [pending()]; return { status: 201, body: pending() }; }),
      on('POST', /\/transfers\/tr1\/cancel$/, () => { transfers = [pending({ status: 'CANCELLED' })]; return { body: pending({ status: 'CANCELLED' }) }; }),
      ...memberRoutes().slice(0, 3),
      on('GET', /\/api\/v1\/transfers$/, () => ({ body: { ...page0, total: transfers.length, items: transfers } })),
      ...memberRoutes().slice(4),
    );
    const page = await memberPage();
    await page.get('[data-test=start-transfer]').trigger('click');
    await page.get('#transfer-q').setValue('江欣苑');
    await page.get('#transfer-q').trigger('keydown', { key: 'Enter' });
    await flushPromises();
    // branches and groups only, the member's own left out
    expect(page.findAll('#transfer-to option').map((o) => o.text())).toEqual(['江欣苑二期党支部']);
    await page.get('#transfer-reason').setValue('工作调动');
    await page.get('[data-test=transfer-form]').trigger('submit');
    await flushPromises();
    const post = requests.find((r) => r.request.method === 'POST' && r.request.url.endsWith('/transfers'));
    expect(post?.body).toMatchObject({ memberId: 'm1', toUnitId: 'b2', reason: '工作调动' });
    expect(page.get('[data-test=member-done]').text()).toContain('ZZ-2026-001');
    expect(page.find('[data-test=start-transfer]').exists()).toBe(false);

    await page.get('button[aria-label="撤回 张晓红 的转接"]').trigger('click');
    await page.get('[data-test=transfer-decision] form').trigger('submit');
    await flushPromises();
    expect(page.get('[data-test=member-done]').text()).toBe('转接已撤回。');
    expect(page.find('[data-test=start-transfer]').exists()).toBe(true);
  });

  it('records an outflow (a blank city named at its field) and the return', async () => {
    signIn();
    let outflows: unknown[] = [];
    const { requests } = fakeApi(
      on('POST', /\/api\/v1\/mobile-members$/, (_r, body) => {
        if (!(body as { destinationCity: string }).destinationCity.trim()) {
          return { status: 400, body: { status: 400, title: '请求参数有误', errors: [{ field: 'outflow.destinationCity', message: '不能为空' }] } };
        }
        outflows = [{ id: 'o1', destinationCity: '深圳', leftOn: '2026-03-01' }];
        return { status: 201, body: { id: 'o1', memberId: 'm1', memberName: '张晓红', originUnitId: 'b1', originUnitName: '一支部', destinationCity: '深圳', leftOn: '2026-03-01', active: true, version: 1 } };
      }),
      on('POST', /\/mobile-members\/o1\/return$/, () => {
        outflows = [{ id: 'o1', destinationCity: '深圳', leftOn: '2026-03-01', returnedOn: '2026-05-01' }];
        return { body: { id: 'o1', memberId: 'm1', memberName: '张晓红', originUnitId: 'b1', originUnitName: '一支部', destinationCity: '深圳', leftOn: '2026-03-01', returnedOn: '2026-05-01', active: false, version: 2 } };
      }),
      ...memberRoutes().slice(0, 4),
      on('GET', /\/growth-record$/, () => ({ body: { memberId: 'm1', memberName: '张晓红', transfers: [], outflows, sessions: [], creditsByYear: [] } })),
      ...memberRoutes().slice(5),
    );
    const page = await memberPage();
    await page.get('[data-test=record-outflow]').trigger('click');
    await page.get('#outflow-reason').setValue('务工');
    await page.get('#outflow-leftOn').setValue('2026-03-01');
    await page.get('[data-test=outflow-form]').trigger('submit');
    await flushPromises();
    expect(page.get('#outflow-city-error').text()).toBe('不能为空');
    await page.get('#outflow-city').setValue('深圳');
    await page.get('[data-test=outflow-form]').trigger('submit');
    await flushPromises();
    expect(requests.filter((r) => r.request.url.endsWith('/mobile-members')).pop()?.body)
      .toEqual({ memberId: 'm1', destinationCity: '深圳', reason: '务工', leftOn: '2026-03-01' });
    expect(page.get('[data-test=member-outflows]').text()).toContain('深圳');

    await page.get('[data-test=member-outflows]').get('button').trigger('click');
    await page.get('#returnedOn').setValue('2026-05-01');
    await page.get('[data-test=return-form]').trigger('submit');
    await flushPromises();
    expect(requests.find((r) => r.request.url.endsWith('/return'))?.body).toEqual({ returnedOn: '2026-05-01' });
    expect(page.get('[data-test=member-outflows]').text()).toContain('2026-05-01 返回');
  });
});
