// Browser tests of the console against a running suite (LocalSuiteE2ETest starts it and runs this with node):
// headless Debian chromium driven by playwright-core through its executable path. Usage:
//   node e2e/console.e2e.mjs http://localhost:8080 [screenshot dir]
// Prints one line per scenario and, last, a JSON summary; exits 1 on the first failure.
import { chromium, selectors } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cjkFontProblem } from './pdf-fonts.mjs';

const gateway = (process.argv[2] ?? 'http://localhost:8080').replace(/\/$/, '');
const here = dirname(fileURLToPath(import.meta.url));
const shots = process.argv[3] ?? join(here, '..', 'docs', 'screenshots');
const console_ = `${gateway}/console`;
const executablePath = process.env.CHROMIUM_PATH
  ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p));
if (!executablePath) {
  console.error('No chromium found: install Debian\'s chromium (apt-get install chromium) or set CHROMIUM_PATH');
  process.exit(1);
}
mkdirSync(shots, { recursive: true });

const DESKTOP = { viewport: { width: 1280, height: 900 } };
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const summary = { ok: false, scenarios: [], screenshots: [] };

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- the API, for ids and a topic of the test's own ----
async function token(username, password) {
  const r = await fetch(`${gateway}/api/v1/auth/token`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  check(r.ok, `login ${username}: ${r.status}`);
  return (await r.json()).accessToken;
}

async function call(tok, method, path, body, headers = {}) {
  const r = await fetch(`${gateway}${path}`, {
    method,
    headers: { Authorization: `Bearer ${tok}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  check(r.ok, `${method} ${path}: ${r.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, etag: r.headers.get('ETag') };
}

/** A datetime-local value in Shanghai time, minutes from now. */
function shanghaiLocal(plusMinutes) {
  return new Date(Date.now() + plusMinutes * 60_000 + 8 * 3_600_000).toISOString().slice(0, 16);
}

async function unitId(tok, code) {
  const { body } = await call(tok, 'GET', `/api/v1/org-units?code=${code}`);
  check(body.items.length === 1, `unit ${code} not found`);
  return body.items[0].id;
}

// ---- the browser ----
async function signIn(page, username, password) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Fails when Chinese is drawn with no CJK font (every character the same empty box). */
async function assertCjkFont(page) {
  const drawn = await page.evaluate(() => {
    const draw = (text) => {
      const canvas = document.createElement('canvas');
      canvas.width = 200; canvas.height = 40;
      const ctx = canvas.getContext('2d');
      ctx.font = '24px sans-serif';
      ctx.fillText(text, 4, 30);
      return canvas.toDataURL();
    };
    // private-use code points have no glyph anywhere: they draw as the missing-glyph box
    return { chinese: draw('江欣苑社区'), missing: draw('\uE000\uE001\uE002\uE003\uE004') };
  });
  check(drawn.chinese !== drawn.missing,
    'Chinese is drawn as empty boxes: no CJK font on this machine (apt-get install fonts-wqy-microhei or fonts-noto-cjk)');
}

let current = null; // the page of the running scenario, for a screenshot when it fails

async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await assertCjkFont(page);
  const file = join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  summary.screenshots.push(file);
}

async function scenario(name, run) {
  // E2E_ONLY=<text> runs only the scenarios whose name contains it (against a suite whose data a full run changed)
  if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return;
  const started = Date.now();
  await run();
  summary.scenarios.push({ name, ms: Date.now() - started });
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
}

selectors.setTestIdAttribute('data-test');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=zh-CN'],
});

try {
  const admin = await token('city-admin', 'demo-city');
  const secretaryToken = await token('secretary', 'demo-secretary');
  const jxy = await unitId(admin, 'JXY');
  const kc = await unitId(admin, 'KC');

  await scenario('the secretary signs in and drills down to 江欣苑: 8 branches, 88 building groups, 177 central households', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/`);
    await page.waitForURL(/\/console\/signin/);
    await shot(page, 'sign-in');
    await signIn(page, 'secretary', 'demo-secretary');
    await page.getByRole('link', { name: '江欣苑社区', exact: true }).click();
    await page.waitForURL(new RegExp(`/console/units/${jxy}$`));
    await page.getByTestId('stat-branches').getByText('8', { exact: true }).waitFor();
    check((await page.getByTestId('stat-groups').innerText()).includes('88'), 'building groups');
    check((await page.getByTestId('stat-central').innerText()).includes('177'), 'central households');
    await page.getByTestId('charts').locator('canvas').first().waitFor();
    await shot(page, 'unit-jiangxinyuan');
    // down the chain to a building and back up by the breadcrumb
    let depth = 0;
    while (depth < 6) {
      const firstChild = page.getByTestId('children').locator('tbody a').first();
      if (!(await firstChild.count())) break;
      await firstChild.click();
      await page.getByTestId('breadcrumb').getByRole('link', { name: '江欣苑社区' }).waitFor();
      depth++;
      if ((await page.getByTestId('unit-name').innerText()).includes('楼栋')) break;
    }
    check(depth > 0, 'no unit below 江欣苑');
    check((await page.getByTestId('unit-name').innerText()).includes('楼栋'), 'the drill-down ends at a building');
    await page.getByTestId('breadcrumb').getByRole('link', { name: '江欣苑社区' }).click();
    await page.getByTestId('stat-groups').getByText('88', { exact: true }).waitFor();
    // and the same page in English
    await page.getByRole('button', { name: /Switch to English|切换到英文/ }).click();
    await page.getByTestId('stat-groups').getByText('Building groups').waitFor();
    await shot(page, 'unit-jiangxinyuan-en');
    await context.close();
  });

  await scenario('a grid worker typing another community\'s address gets the not-found page', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/units/${jxy}`);
    await page.waitForURL(/\/console\/signin\?next=/);
    await signIn(page, 'grid-worker', 'demo-grid');
    await page.waitForURL(new RegExp(`/console/units/${jxy}$`));
    await page.getByTestId('not-found').waitFor();
    check(!(await page.getByTestId('stat-central').count()), 'no figures of another community');
    await shot(page, 'not-found');
    await context.close();
  });

  await scenario('the secretary moves a topic from joint review to public deliberation; a blank reason is named at its field; an expired session keeps the typed reason', async () => {
    const title = `楼道照明改造(浏览器测试 ${randomUUID().slice(0, 8)})`;
    const created = await call(secretaryToken, 'POST', '/api/v1/topics', {
      title, description: '3号楼楼道灯损坏,居民提议统一更换为声控灯。', category: 'SAFETY', scopeUnitId: jxy, proposer: '3号楼居民',
    }, { 'Idempotency-Key': randomUUID() });
    const topicId = created.body.id;
    const proposed = await call(secretaryToken, 'GET', `/api/v1/topics/${topicId}`);
    await call(secretaryToken, 'POST', `/api/v1/topics/${topicId}/transitions`,
      { to: 'JOINT_REVIEW', actor: '江欣苑社区党委', reason: '提交联席会议审议' },
      { 'If-Match': proposed.etag, 'Idempotency-Key': randomUUID() });

    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/topics`);
    await signIn(page, 'secretary', 'demo-secretary');
    await page.waitForURL(/\/console\/topics$/);
    const column = page.locator('[data-stage=JOINT_REVIEW]');
    await column.getByRole('link', { name: title }).waitFor();
    await shot(page, 'topics-board');
    await column.getByRole('link', { name: title }).click();
    await page.getByTestId('move-form').waitFor();
    const events = page.getByTestId('timeline').locator('li');
    const before = await events.count();

    // a reason of blanks is refused by the API; its message stands at the reason field
    await page.getByLabel('推进到').selectOption('PUBLIC_DELIBERATION');
    await page.getByLabel('理由').fill('   ');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.locator('#reason-error').waitFor();
    check((await page.locator('#reason').getAttribute('aria-invalid')) === 'true', 'the reason is marked invalid');
    await shot(page, 'validation-error');

    // the session runs out while typing: back to sign-in, and the text is still there afterwards
    await page.getByLabel('理由').fill('合议通过,提交群议');
    await page.evaluate(() => {
      const s = JSON.parse(sessionStorage.getItem('console.session'));
      sessionStorage.setItem('console.session', JSON.stringify({ ...s, accessToken: 'expired.token.value' }));
    });
    await page.reload();
    await page.getByTestId('expired').waitFor();
    await signIn(page, 'secretary', 'demo-secretary');
    await page.waitForURL(new RegExp(`/console/topics/${topicId}$`));
    await page.getByTestId('move-form').waitFor();
    check((await page.getByLabel('理由').inputValue()) === '合议通过,提交群议', 'the typed reason survived the sign-in');

    await page.getByLabel('推进到').selectOption('PUBLIC_DELIBERATION');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('moved').waitFor();
    await page.getByTestId('stage').getByText('公开议事').waitFor();
    const after = await events.count();
    check(after === before + 1, `the timeline grows by the stage change (${before} → ${after})`);
    await shot(page, 'topic-timeline');
    summary.topic = topicId;
    await context.close();
  });

  await scenario('the resident casts the open 康城 ballot on a phone and sees it counted', async () => {
    const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/`);
    await signIn(page, 'resident', 'demo-resident');
    const vote = page.getByTestId('open-votes').getByRole('link', { name: /12号楼/ });
    await vote.waitFor();
    await shot(page, 'phone-home');
    await vote.click();
    await page.getByTestId('ballot-form').waitFor();
    const countBefore = await page.getByTestId('ballot-count').innerText();
    await page.getByLabel('同意').check();
    await page.getByRole('button', { name: '提交投票' }).click();
    await page.getByTestId('counted').waitFor();
    // the vote's count follows within a refresh of the page (every 5 s while the vote is open)
    const expected = parseInt(countBefore.replace(/,/g, ''), 10) + 1;
    await page.waitForFunction((n) => parseInt(document.querySelector('[data-test=ballot-count]').textContent.replace(/,/g, ''), 10) === n,
      expected, { timeout: 20_000 }).catch(() => {});
    const countAfter = await page.getByTestId('ballot-count').innerText();
    check(parseInt(countAfter.replace(/,/g, ''), 10) === expected, `the ballot count grows by one (${countBefore} → ${countAfter})`);
    await shot(page, 'phone-ballot-counted');
    await context.close();
  });

  await scenario('the tally of the 康城 vote against the art. 278 lines, and a unit page of 286 children drawn 200 at a time', async () => {
    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/units/${kc}`);
    await signIn(page, 'city-admin', 'demo-city');
    await page.waitForURL(new RegExp(`/console/units/${kc}$`));
    await page.getByTestId('children').locator('tbody tr').nth(19).waitFor();
    const renders = [];
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => performance.clearMeasures('unit-children-render'));
      await page.getByLabel('每页').selectOption(i % 2 === 0 ? '200' : '50');
      await page.waitForFunction(() => performance.getEntriesByName('unit-children-render').length > 0);
      const m = await page.evaluate(() => {
        const e = performance.getEntriesByName('unit-children-render')[0];
        return { ms: e.duration, rows: e.detail?.rows };
      });
      if (m.rows === 200) renders.push(Math.round(m.ms * 10) / 10);
    }
    check(renders.length > 0, 'a page of 200 children was drawn');
    summary.render200ChildrenMs = renders;
    check(await page.getByTestId('children').locator('tbody tr').count() === 200, '200 rows shown');
    await shot(page, 'unit-kangcheng-200-children');

    const votes = await call(admin, 'GET', '/api/v1/votes?size=50');
    const open = votes.body.items.find((v) => v.status === 'OPEN' && v.title.includes('12号楼'));
    check(open, 'the open 康城 vote');
    await page.goto(`${console_}/votes/${open.id}`);
    const tally = page.getByTestId('tally');
    await tally.waitFor();
    for (const name of ['PARTICIPATION_AREA', 'PARTICIPATION_OWNERS', 'APPROVAL_AREA', 'APPROVAL_OWNERS']) {
      check(await tally.locator(`[data-check=${name}] .line`).count() === 1, `${name} is drawn against its line`);
    }
    check((await tally.innerText()).includes('3/4'), 'the 3/4 approval line of a maintenance-fund vote');
    await shot(page, 'vote-tally');
    await context.close();
  });

  await scenario('the secretary moves a building to another compound: the confirmation names both parents and what moves; a stale page is refused (412) and reloaded', async () => {
    const compounds = (await call(secretaryToken, 'GET', `/api/v1/org-units/${jxy}/children?size=20&status=ACTIVE`)).body.items;
    check(compounds.length >= 2, 'two compounds under 江欣苑');
    const [from, to] = compounds;
    const building = (await call(secretaryToken, 'GET', `/api/v1/org-units/${from.id}/children?size=1&status=ACTIVE`)).body.items[0];
    check(building, `a building under ${from.name}`);
    const moveBack = async () => {
      const now = await call(secretaryToken, 'GET', `/api/v1/org-units/${building.id}`);
      if (now.body.parentId !== from.id) {
        await call(secretaryToken, 'POST', `/api/v1/org-units/${building.id}/move`, { newParentId: from.id }, { 'If-Match': now.etag, 'Idempotency-Key': randomUUID() });
      }
    };

    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    try {
      await page.goto(`${console_}/units/${building.id}`);
      await signIn(page, 'secretary', 'demo-secretary');
      await page.getByTestId('move-start').click();
      await page.getByLabel('新的上级组织').fill(to.name);
      await page.getByTestId('move').getByRole('button', { name: '搜索' }).click();
      await page.getByTestId('move-candidates').getByRole('button', { name: to.name, exact: true }).click();
      const confirm = page.getByTestId('move-confirm');
      const text = await confirm.innerText();
      check(text.includes(`从「${from.name}」移到「${to.name}」`), `the confirmation names both parents: ${text}`);
      check(/住户 \d+ 户/.test(text) && /党员 \d+ 名/.test(text), `the confirmation counts what moves: ${text}`);
      await confirm.scrollIntoViewIfNeeded();
      await shot(page, 'unit-move-confirm');

      // someone else moves it away and back meanwhile: the page's version is stale
      const fresh = await call(secretaryToken, 'GET', `/api/v1/org-units/${building.id}`);
      const away = await call(secretaryToken, 'POST', `/api/v1/org-units/${building.id}/move`, { newParentId: to.id }, { 'If-Match': fresh.etag, 'Idempotency-Key': randomUUID() });
      await call(secretaryToken, 'POST', `/api/v1/org-units/${building.id}/move`, { newParentId: from.id }, { 'If-Match': away.etag, 'Idempotency-Key': randomUUID() });
      await page.getByTestId('move-confirm-button').click();
      await page.getByTestId('move-stale').waitFor();
      check((await page.getByTestId('problem').first().innerText()).length > 0, 'the 412 problem is shown');

      // decided again on the reloaded page: moved, and the breadcrumb shows the new parent
      await page.getByTestId('move-candidates').getByRole('button', { name: to.name, exact: true }).click();
      await page.getByTestId('move-confirm-button').click();
      await page.getByTestId('unit-moved').waitFor();
      await page.getByTestId('breadcrumb').getByRole('link', { name: to.name }).waitFor();
      await shot(page, 'unit-moved');
    } finally {
      await moveBack();
      await context.close();
    }
  });

  await scenario('the resident on a phone: their own community page, a published resolution with its notice window, and 裕园\'s trust fund as a ledger with its balance', async () => {
    const compound = await unitId(admin, 'YY-DFXTD');
    const balances = (await call(admin, 'GET', `/api/v1/disclosures/balances?compoundId=${compound}`)).body;
    const income = balances.find((b) => b.fund === 'PUBLIC_INCOME');
    check(income, '裕园 东方新天地花园 discloses its public income');
    const published = (await call(admin, 'GET', '/api/v1/resolutions?size=50')).body.items.find((r) => r.status === 'PUBLISHED');
    check(published, 'a published resolution');

    const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/community`);
    await signIn(page, 'resident', 'demo-resident');
    await page.waitForURL(/\/console\/community$/);
    await page.getByRole('heading', { name: /我的社区 · 康城社区/ }).waitFor();
    await page.getByTestId('resolutions').locator('li').first().waitFor();
    await shot(page, 'phone-community');

    await page.goto(`${console_}/resolutions/${published.id}`);
    await page.getByTestId('notice-window').waitFor();
    check((await page.getByTestId('resolution-text').innerText()).length > 0, 'the resolution\'s text');
    await shot(page, 'phone-resolution');

    await page.goto(`${console_}/disclosures/${compound}?fund=PUBLIC_INCOME`);
    await page.getByTestId('ledger').locator('tbody tr').first().waitFor();
    const shown = (await page.getByTestId('balance').innerText()).replace(/,/g, '');
    check(Math.abs(parseFloat(shown) - income.balance) < 0.005, `the balance shown (${shown}) is the fund's (${income.balance})`);
    const rows = page.getByTestId('ledger').locator('tbody tr');
    const last = await rows.nth((await rows.count()) - 1).locator('td').last().innerText();
    check(Math.abs(parseFloat(last.replace(/,/g, '')) - income.balance) < 0.005 || income.entries > 20, `the last entry's balance after (${last}) is the fund's balance`);
    await shot(page, 'phone-disclosures');
    await context.close();
  });

  await scenario('volunteers: a leader publishes an activity (a blank title named at its field), shows the check-in code with its QR; the volunteer signs up on a phone from the link and checks in and out; the leader joins the waitlist, verifies the hours in the queue; the volunteer downloads a certificate PDF with a CJK font', async () => {
    const leaderToken = await token('team-leader', 'demo-team');
    const volunteerToken = await token('volunteer', 'demo-volunteer');
    const volunteer = (await call(volunteerToken, 'GET', '/api/v1/volunteers/me')).body;
    if (volunteer.verificationStatus !== 'VERIFIED') {
      const v = await call(admin, 'GET', `/api/v1/volunteers/${volunteer.id}`);
      await call(admin, 'POST', `/api/v1/volunteers/${volunteer.id}/verification`, { status: 'VERIFIED', note: '浏览器测试核验' },
        { 'If-Match': v.etag, 'Idempotency-Key': randomUUID() });
    }
    const leaderProfile = (await call(leaderToken, 'GET', '/api/v1/volunteers/me')).body;
    const led = (await call(leaderToken, 'GET', `/api/v1/volunteers/${leaderProfile.id}/teams`)).body.find((m) => m.role === 'LEADER');
    check(led, 'the team leader leads a team');
    const members = (await call(leaderToken, 'GET', `/api/v1/teams/${led.teamId}/members?size=200`)).body.items;
    if (!members.some((m) => m.volunteerId === volunteer.id)) {
      await call(leaderToken, 'POST', `/api/v1/teams/${led.teamId}/members`, { volunteerId: volunteer.id }, { 'Idempotency-Key': randomUUID() });
    }
    // after the volunteer's other sign-ups (an earlier run's activity would overlap: 409), and within the 30 minutes
    // before its start in which the check-in opens
    const theirs = (await call(admin, 'GET', `/api/v1/volunteers/${volunteer.id}/signups?size=50`)).body.items.filter((x) => x.status !== 'CANCELLED');
    let busyUntil = Date.now();
    for (const x of theirs) {
      const a = (await call(admin, 'GET', `/api/v1/activities/${x.activityId}`)).body;
      busyUntil = Math.max(busyUntil, Date.parse(a.endsAt));
    }
    const startIn = Math.max(5, Math.ceil((busyUntil - Date.now()) / 60_000) + 2);
    check(startIn <= 28, `the volunteer is busy for ${startIn} minutes: run again later`);
    const title = `楼道清洁(浏览器测试 ${randomUUID().slice(0, 8)})`;

    const leader = await browser.newContext({ ...DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const lp = await leader.newPage();
    current = lp;
    await lp.goto(`${console_}/volunteering`);
    await signIn(lp, 'team-leader', 'demo-team');
    await lp.waitForURL(/\/console\/volunteering$/);
    await lp.getByTestId('new-activity').click();
    await lp.locator(`#a-team option[value="${led.teamId}"]`).waitFor({ state: 'attached' });
    await lp.locator('#a-team').selectOption(led.teamId);
    await lp.getByLabel('活动名称').fill('  ');
    await lp.getByLabel('地点').fill('临湖苑1幢楼道');
    await lp.getByLabel('开始时间').fill(shanghaiLocal(startIn));
    await lp.getByLabel('结束时间').fill(shanghaiLocal(startIn + 15));
    await lp.getByLabel('名额').fill('1');
    await lp.getByRole('button', { name: '发布', exact: true }).click();
    await lp.locator('#title-error').waitFor();
    check((await lp.locator('#a-title').getAttribute('aria-invalid')) === 'true', 'the title is marked invalid');
    await lp.getByLabel('活动名称').fill(title);
    await lp.getByRole('button', { name: '发布', exact: true }).click();
    await lp.waitForURL(/\/console\/activities\/[0-9a-f-]+$/);
    const activityId = lp.url().split('/').pop();
    await lp.getByTestId('qr').locator('svg').waitFor();
    const code = (await lp.getByTestId('code').innerText()).trim();
    check(/^\d{6}$/.test(code), `a 6-digit code is shown: ${code}`);
    const link = await lp.getByTestId('check-in-code').locator('a').getAttribute('href');
    check(link.endsWith(`/console/activities/${activityId}?code=${code}`), `the QR link carries the code: ${link}`);
    await shot(lp, 'check-in-code');

    const phone = await browser.newContext({ ...PHONE, locale: 'zh-CN', acceptDownloads: true });
    const pp = await phone.newPage();
    current = pp;
    await pp.goto(link);
    await signIn(pp, 'volunteer', 'demo-volunteer');
    await pp.waitForURL(new RegExp(`/console/activities/${activityId}\\?code=${code}$`));
    await pp.getByRole('button', { name: '报名', exact: true }).click();
    await pp.getByTestId('done').getByText('报名成功').waitFor();
    check((await pp.getByLabel('签到码').inputValue()) === code, 'the scanned code is filled in');
    await pp.getByRole('button', { name: '签到', exact: true }).click();
    await pp.getByTestId('done').getByText('已签到').waitFor();
    await pp.getByRole('button', { name: '签退', exact: true }).click();
    await pp.getByTestId('done').getByText('已签退').waitFor();
    await shot(pp, 'phone-check-in');

    // the one place is taken: the leader's own sign-up goes on the waitlist
    current = lp;
    await lp.reload();
    await lp.getByRole('button', { name: '名额已满,加入候补' }).click();
    await lp.getByTestId('done').getByText('候补第 1 位').waitFor();
    await lp.getByTestId('signups').locator('tr[data-status=WAITLISTED]').waitFor();
    check(await lp.getByTestId('signups').locator('tr[data-status=CONFIRMED]').count() === 1, 'one confirmed sign-up');
    await shot(lp, 'activity-signups');

    // the leader's queue: the volunteer's record, credited 15 minutes
    await lp.goto(`${console_}/volunteering`);
    await lp.locator('[data-tab=queue]').click();
    const row = lp.getByTestId('queue').locator('li').filter({ hasText: volunteer.name }).filter({ hasText: title });
    await row.waitFor();
    await shot(lp, 'hours-queue');
    await row.getByLabel('认定分钟数').fill('15');
    await row.getByRole('button', { name: '审核通过' }).click();
    await lp.getByTestId('queue-done').waitFor();
    await lp.locator('[data-tab=leaderboard]').click();
    await lp.getByTestId('leaderboard').locator('tbody tr').first().waitFor();
    await shot(lp, 'leaderboard');
    await leader.close();

    // the volunteer's hours and a certificate of the team, downloaded as PDF
    current = pp;
    await pp.goto(`${console_}/volunteers/me`);
    await pp.getByTestId('verified-hours').waitFor();
    await pp.locator('#teamId').selectOption(led.teamId);
    await pp.getByTestId('issue-form').getByRole('button', { name: '开具' }).click();
    await pp.getByTestId('issued').waitFor();
    const serial = (await pp.getByTestId('issued').innerText()).match(/VSC-[\w-]+/)?.[0];
    check(serial, 'a serial number');
    const [download] = await Promise.all([
      pp.waitForEvent('download'),
      pp.locator(`[data-serial="${serial}"]`).click(),
    ]);
    const file = await download.path();
    const pdf = readFileSync(file);
    check(pdf.subarray(0, 5).toString() === '%PDF-', 'a PDF was downloaded');
    const problem = cjkFontProblem(pdf);
    check(problem === null, `certificate ${serial}: ${problem}`);
    summary.certificate = { serial, bytes: pdf.length };
    await shot(pp, 'phone-volunteer');
    await phone.close();
  });

  await scenario('members: the secretary finds a new applicant by name, opens the profile and moves them along the pipeline (a date in the future named at its field); the mobile members and organization life of 江欣苑', async () => {
    // an applicant of the test's own, in a party branch of 江欣苑 (its first compound)
    const { body: some } = await call(secretaryToken, 'GET', `/api/v1/org-units/${jxy}/children?size=1`);
    check(some.items.length === 1, '江欣苑 has a compound');
    const name = `测试${randomUUID().slice(0, 6)}`;
    const { body: created } = await call(secretaryToken, 'POST', '/api/v1/members', {
      unitId: some.items[0].id, name, gender: 'FEMALE', birthDate: '1995-06-01', phone: '13812345678',
    }, { 'Idempotency-Key': randomUUID() });

    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/`);
    await signIn(page, 'secretary', 'demo-secretary');
    await page.getByRole('link', { name: '党员管理', exact: true }).click();
    await page.waitForURL(/\/console\/members$/);
    await page.getByTestId('members').locator('tbody tr').first().waitFor();
    await page.getByTestId('member-search').getByLabel('姓名', { exact: true }).fill(name);
    await page.getByRole('button', { name: '搜索', exact: true }).click();
    await page.getByTestId('members').getByRole('link', { name }).waitFor();
    check(await page.getByTestId('members').locator('tbody tr').count() === 1, 'one member found by the name');
    await shot(page, 'members-search');

    await page.getByTestId('members').getByRole('link', { name }).click();
    await page.waitForURL(new RegExp(`/console/members/${created.id}$`));
    await page.getByTestId('member-name').getByText(name).waitFor();
    check((await page.locator('[aria-current=step]').innerText()).includes('入党申请人'), 'the applicant stands at the first step');
    const steps = page.getByTestId('history').locator('li');
    const before = await steps.count();

    // a step dated in the future is refused by the API, and named at the date
    await page.getByLabel('转为').selectOption('ACTIVIST');
    await page.getByLabel('日期', { exact: true }).fill('2099-01-01');
    await page.getByLabel('备注').fill('经支部委员会研究,确定为入党积极分子');
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.locator('#on-error').waitFor();
    check((await page.locator('#on').getAttribute('aria-invalid')) === 'true', 'the date is marked invalid');
    await shot(page, 'member-step-refused');

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    await page.getByLabel('日期', { exact: true }).fill(today);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await page.getByTestId('member-done').waitFor();
    await page.getByTestId('member-status').getByText('入党积极分子').waitFor();
    check(await steps.count() === before + 1, 'the history grows by the step');
    await shot(page, 'member-pipeline');

    await page.getByRole('link', { name: '党员', exact: true }).click();
    await page.getByTestId('tab-mobile').click();
    await page.getByTestId('outflows').waitFor();
    await page.getByTestId('tab-orgLife').click();
    await page.getByTestId('org-meetings').waitFor();
    await shot(page, 'members-org-life');
    await context.close();
  });

  await scenario('a consultation meeting: from the topic page, a registered resident marked present and a walk-in; minutes first refused at the summary, then recorded with an opinion and a follow-up, marked done', async () => {
    const { body: topic } = await call(secretaryToken, 'POST', '/api/v1/topics', {
      title: `单元门禁更换(浏览器测试 ${randomUUID().slice(0, 8)})`, description: '5号楼单元门禁损坏,居民提议更换。', category: 'SAFETY',
      scopeUnitId: jxy, proposer: '5号楼居民',
    }, { 'Idempotency-Key': randomUUID() });
    const title = '5号楼门禁协商会';
    const { body: meeting } = await call(secretaryToken, 'POST', '/api/v1/meetings', {
      title, format: 'ROUND_TABLE', topicIds: [topic.id], startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      place: '江欣苑社区议事厅', convener: '江欣苑社区党委',
    }, { 'Idempotency-Key': randomUUID() });
    await call(secretaryToken, 'POST', `/api/v1/meetings/${meeting.id}/registrations`, { personName: '李秀兰', party: 'RESIDENT' },
      { 'Idempotency-Key': randomUUID() });

    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/topics/${topic.id}`);
    await signIn(page, 'secretary', 'demo-secretary');
    await page.getByTestId('topic-meetings').getByRole('link', { name: title }).click();
    await page.waitForURL(new RegExp(`/console/meetings/${meeting.id}$`));
    await page.getByTestId('meeting-title').getByText(title).waitFor();

    await page.getByRole('button', { name: '为李秀兰签到' }).click();
    await page.getByTestId('meeting-done').getByText('李秀兰 已签到。').waitFor();
    await page.getByLabel('姓名', { exact: true }).fill('王建国');
    await page.locator('#person-party').selectOption('OWNERS_COMMITTEE');
    await page.getByRole('button', { name: '现场签到' }).click();
    await page.getByTestId('meeting-done').getByText('王建国 已签到。').waitFor();
    await page.getByTestId('attended').getByText('2', { exact: true }).waitFor();
    await shot(page, 'meeting-attendance');

    // the minutes without their summary: refused, named at the summary
    await page.getByLabel('意见', { exact: true }).fill('同意更换为人脸识别门禁,费用从公共收益列支');
    await page.getByLabel('事项', { exact: true }).fill('联系门禁厂家报价');
    await page.getByLabel('责任人', { exact: true }).fill('物业公司');
    await page.getByRole('button', { name: '提交纪要(会议记为已召开)' }).click();
    await page.locator('#summary-error').waitFor();
    check((await page.locator('#summary').getAttribute('aria-invalid')) === 'true', 'the summary is marked invalid');

    await page.getByLabel('纪要内容').fill('与会各方同意更换5号楼单元门禁,由物业公司先行报价。');
    await page.getByRole('button', { name: '提交纪要(会议记为已召开)' }).click();
    await page.getByTestId('meeting-status').getByText('已召开').waitFor();
    await page.getByTestId('minutes-text').waitFor();
    await page.getByTestId('follow-ups').getByRole('button', { name: '标记完成' }).click();
    await page.getByTestId('follow-ups').locator('li[data-done=true]').waitFor();
    await shot(page, 'meeting-minutes');
    await context.close();
  });

  await scenario('member write paths: the secretary registers an applicant (a birth date in the future named at its field), a post refused to an applicant, a full member appointed and transferred to another branch, accepted on the receiving side', async () => {
    // two party branches of 江欣苑 (its compounds): the applicant's and the transfer's destination
    const { body: compounds } = await call(secretaryToken, 'GET', `/api/v1/org-units/${jxy}/children?size=2`);
    check(compounds.items.length === 2, '江欣苑 has two compounds');
    const [from, to] = compounds.items;
    const applicant = `申请${randomUUID().slice(0, 6)}`;
    // a full member of the test's own, registered through the API as one who joined the party years ago
    const fullName = `党员${randomUUID().slice(0, 6)}`;
    const { body: full } = await call(secretaryToken, 'POST', '/api/v1/members', {
      unitId: from.id, name: fullName, gender: 'MALE', birthDate: '1980-03-01', status: 'FULL', statusOn: '2010-07-01', admittedOn: '2009-07-01',
    }, { 'Idempotency-Key': randomUUID() });

    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/members?within=${jxy}`);
    await signIn(page, 'secretary', 'demo-secretary');
    const form = page.getByTestId('register-form');
    await form.getByLabel('所在党支部或党小组').selectOption(from.id);
    await form.getByLabel('姓名').fill(applicant);
    await form.getByLabel('性别').selectOption('FEMALE');
    await form.getByLabel('出生日期').fill('2099-01-01');
    await form.getByLabel('联系电话').fill('13900001111');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await page.locator('#register-birthDate-error').waitFor();
    check((await page.locator('#register-birthDate').getAttribute('aria-invalid')) === 'true', 'the birth date is marked invalid');
    await form.getByLabel('出生日期').fill('1998-09-01');
    await form.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL(/\/console\/members\/[0-9a-f-]{36}\?registered=1$/);
    await page.getByTestId('member-name').getByText(applicant).waitFor();
    await page.getByTestId('member-done').getByText('已登记为入党申请人。').waitFor();
    check((await page.getByTestId('member-status').innerText()).includes('入党申请人'), 'registered as an applicant');
    await shot(page, 'member-registered');

    // a party post needs a party member: the API refuses the applicant, named at the post form
    const appoint = page.getByTestId('appoint-form');
    await appoint.getByLabel('职务').selectOption('COMMITTEE_MEMBER');
    await appoint.getByRole('button', { name: '任职', exact: true }).click();
    await page.locator('#post-unit-error').waitFor();

    // the full member: appointed to a post, then transferred to the other branch
    await page.goto(`${console_}/members/${full.id}`);
    await page.getByTestId('member-name').getByText(fullName).waitFor();
    await appoint.getByLabel('职务').selectOption('COMMITTEE_MEMBER');
    await appoint.getByRole('button', { name: '任职', exact: true }).click();
    await page.getByTestId('member-done').getByText('已任「委员」。').waitFor();
    await page.getByTestId('posts').getByText('委员').waitFor();
    await shot(page, 'member-post-appointed');

    await page.getByTestId('start-transfer').click();
    const transfer = page.getByTestId('transfer-form');
    await transfer.getByLabel('按名称查找党组织').fill(to.name);
    await transfer.getByRole('button', { name: '搜索', exact: true }).click();
    await transfer.getByLabel('转入组织').selectOption(to.id);
    await transfer.getByLabel('转出原因').fill('居住地变更');
    await transfer.getByRole('button', { name: '发起转接', exact: true }).click();
    await page.getByTestId('member-done').getByText('已发起转接').waitFor();
    await page.getByTestId('transfers').getByText('待接收').waitFor();
    await shot(page, 'member-transfer-started');

    // the receiving side: the pending transfers of 江欣苑, accepted by name
    await page.goto(`${console_}/members?within=${jxy}`);
    await page.getByTestId('tab-transfers').click();
    await page.getByTestId('pending-transfers').getByText(fullName).waitFor();
    await page.getByRole('button', { name: `接收 ${fullName} 的转接` }).click();
    await shot(page, 'members-transfer-accept');
    await page.getByTestId('pending-transfers').getByRole('button', { name: '确认接收', exact: true }).click();
    await page.getByTestId('transfer-done').getByText(`${fullName} 的转接已接收。`).waitFor();
    const { body: moved } = await call(secretaryToken, 'GET', `/api/v1/members/${full.id}`);
    check(moved.unitId === to.id, 'the member belongs to the receiving branch');
    await context.close();
  });

  await scenario('education: the secretary creates a program (blank credits named at their field), opens it, schedules a session, marks a trainee present and shows the sign-in code; the member\'s study credits', async () => {
    const suffix = randomUUID().slice(0, 6);
    const { body: compounds } = await call(secretaryToken, 'GET', `/api/v1/org-units/${jxy}/children?size=1`);
    const { body: trainee } = await call(secretaryToken, 'POST', '/api/v1/members', {
      unitId: compounds.items[0].id, name: `学员${suffix}`, gender: 'FEMALE', birthDate: '1985-05-01', status: 'FULL', statusOn: '2012-07-01', admittedOn: '2011-07-01',
    }, { 'Idempotency-Key': randomUUID() });
    const { body: teacher } = await call(secretaryToken, 'POST', '/api/v1/education/teachers', {
      unitId: jxy, kind: 'EXTERNAL', name: `讲师${suffix}`, affiliation: '区委党校', specialties: ['基层党建'],
    }, { 'Idempotency-Key': randomUUID() });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const inTwoMonths = new Date(Date.now() + 60 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const programName = `2026年党员冬训(${suffix})`;

    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/education?within=${jxy}`);
    await signIn(page, 'secretary', 'demo-secretary');
    await page.getByTestId('programs').waitFor();
    await page.getByTestId('new-program').click();
    const form = page.getByTestId('program-form');
    await form.getByLabel('计划名称').fill(programName);
    await form.getByLabel('开始日期').fill(today);
    await form.getByLabel('结束日期').fill(inTwoMonths);
    await form.getByRole('button', { name: '新建', exact: true }).click();
    await page.locator('#program-credits-error').waitFor();
    check((await page.locator('#program-credits').getAttribute('aria-invalid')) === 'true', 'the credits are marked invalid');
    await form.getByLabel('结业所需学分').fill('4');
    await form.getByRole('button', { name: '新建', exact: true }).click();
    await page.getByTestId('program-name').getByText(programName).waitFor();
    const programId = new URL(page.url()).searchParams.get('program');
    check(!!programId, 'the new program is shown');

    // the plan: a classroom and a course with the teacher, and the trainee enrolled
    const { body: venue } = await call(secretaryToken, 'POST', `/api/v1/education/programs/${programId}/venues`,
      { name: '江欣苑党群服务中心一楼', kind: 'CLASSROOM', capacity: 60 }, { 'Idempotency-Key': randomUUID() });
    await call(secretaryToken, 'POST', `/api/v1/education/programs/${programId}/courses`,
      { title: '学习党的二十届四中全会精神', theme: '基层党建', teacherId: teacher.id, hours: 2, credits: 2, format: 'IN_PERSON' },
      { 'Idempotency-Key': randomUUID() });
    await call(secretaryToken, 'POST', '/api/v1/education/enrolments', { programId, memberIds: [trainee.id] }, { 'Idempotency-Key': randomUUID() });
    await page.reload();
    await page.getByTestId('courses').getByText('学习党的二十届四中全会精神').waitFor();
    await page.getByTestId('program-move').click();
    await page.getByTestId('program-status').getByText('进行中').waitFor();

    const sessionForm = page.getByTestId('session-form');
    await sessionForm.getByLabel('开始时间(北京时间)').fill(shanghaiLocal(10));
    await sessionForm.getByLabel('结束时间(北京时间)').fill(shanghaiLocal(70));
    await sessionForm.getByLabel(/江欣苑党群服务中心一楼/).check();
    await sessionForm.getByRole('button', { name: '安排', exact: true }).click();
    await page.getByTestId('session').waitFor();
    check(venue.id.length > 0, 'the classroom exists');

    await page.getByTestId('mark-form').getByLabel('学员').selectOption(trainee.id);
    await page.getByTestId('mark-form').getByRole('button', { name: '登记到课', exact: true }).click();
    await page.getByTestId('attendance-done').getByText(`学员${suffix} 已登记到课。`).waitFor();
    await page.getByTestId('attendance').getByText(`学员${suffix}`).waitFor();
    await page.getByTestId('issue-code').click();
    const code = await page.getByTestId('sign-in-code').getByTestId('code').innerText();
    check(/^\d{6}$/.test(code), `a 6-digit sign-in code: ${code}`);
    await page.getByTestId('completion').waitFor();
    await page.getByTestId('session').scrollIntoViewIfNeeded();
    await shot(page, 'education-session');

    await page.goto(`${console_}/members/${trainee.id}`);
    await page.getByTestId('study-credits').getByText(programName).waitFor();
    await page.getByTestId('study-credits').scrollIntoViewIfNeeded();
    await shot(page, 'member-study-credits');
    await context.close();
  });

  await scenario('dues: the secretary sees a branch\'s collection, records a payment from the arrears list (the back-payment reason named at its field first) and downloads the roster as a spreadsheet', async () => {
    const suffix = randomUUID().slice(0, 6);
    const { body: compounds } = await call(secretaryToken, 'GET', `/api/v1/org-units/${jxy}/children?size=1`);
    const branch = compounds.items[0];
    const name = `欠费${suffix}`;
    const { body: member } = await call(secretaryToken, 'POST', '/api/v1/members', {
      unitId: branch.id, name, gender: 'MALE', birthDate: '1975-02-01', status: 'FULL', statusOn: '2005-07-01', admittedOn: '2004-07-01',
    }, { 'Idempotency-Key': randomUUID() });
    const year = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
    // liable from January: by December eleven months are owed, more than six, so a back payment needs its reason
    await call(secretaryToken, 'POST', '/api/v1/dues/bases', { memberId: member.id, year, category: 'SALARIED', income: 4000, validFrom: `${year}-01` },
      { 'Idempotency-Key': randomUUID() });

    const context = await browser.newContext({ ...DESKTOP, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/dues?within=${branch.id}`);
    await signIn(page, 'secretary', 'demo-secretary');
    await page.getByTestId('collection-rate').waitFor();
    await page.getByRole('button', { name: `为 ${name} 登记缴费` }).click();
    const form = page.getByTestId('payment-form');
    await form.getByLabel('缴纳月数').fill('3');
    await form.getByRole('button', { name: '登记缴费', exact: true }).click();
    await form.locator('[id$=-reason-error]').waitFor();
    await shot(page, 'dues-payment-refused');
    await form.getByLabel('补交原因(欠缴超过六个月时必填)').fill('外出务工期间未能按月交纳,本人申请补交');
    await form.getByRole('button', { name: '登记缴费', exact: true }).click();
    await page.getByTestId('dues-done').getByText(`已登记 ${name} 的党费`).waitFor();
    const { body: after } = await call(secretaryToken, 'GET', `/api/v1/dues/members/${member.id}`);
    check(after.paidThrough === `${year}-03`, `paid through March: ${after.paidThrough}`);
    await shot(page, 'dues-payment-recorded');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-download').click()]);
    const file = await download.path();
    const bytes = readFileSync(file);
    // an .xlsx is a zip: it starts with PK
    check(bytes.length > 100 && bytes[0] === 0x50 && bytes[1] === 0x4b, 'the roster downloads as a spreadsheet');
    check(download.suggestedFilename().endsWith('.xlsx'), `named .xlsx: ${download.suggestedFilename()}`);
    await context.close();
  });

  summary.ok = true;
} catch (e) {
  summary.error = String(e?.stack ?? e);
  console.error(`FAIL ${summary.error}`);
  if (current && !current.isClosed()) {
    const file = join(here, '..', 'target', 'e2e-failure.png');
    mkdirSync(dirname(file), { recursive: true });
    await current.screenshot({ path: file }).catch(() => {});
    console.error(`at ${current.url()}, screenshot ${file}:\n${await current.locator('body').innerText().catch(() => '')}`);
  }
} finally {
  await browser.close();
  console.log(JSON.stringify(summary));
  process.exit(summary.ok ? 0 : 1);
}
