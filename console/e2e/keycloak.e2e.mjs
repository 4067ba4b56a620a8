// The console's sign-in at Keycloak in a real browser, against a suite started with Keycloak (KeycloakE2ETest starts it
// and runs this with node): headless Debian chromium driven by playwright-core through its executable path. Usage:
//   node e2e/keycloak.e2e.mjs http://localhost:8080 [screenshot dir]
// The gateway's /console/config.json names the realm; the demo users are the realm file's (deploy/). Prints one line per
// scenario and, last, a JSON summary; exits 1 on the first failure.
import { chromium, selectors } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

const summary = { ok: false, scenarios: [], screenshots: [] };

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// ---- the suite: how the console signs in, and an id to start from ----
const config = await (await fetch(`${console_}/config.json`)).json();
check(config.signIn === 'oidc', `the gateway's console config says ${JSON.stringify(config)}, not OIDC`);

async function keycloakToken(username, password) {
  // the realm's public client also allows the password grant (the seed loader's way in); the browser never uses it
  const r = await fetch(`${config.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: config.clientId, username, password, scope: 'openid' }),
  });
  check(r.ok, `login ${username} at Keycloak: ${r.status}`);
  return (await r.json()).access_token;
}

async function unitId(tok, code) {
  const r = await fetch(`${gateway}/api/v1/org-units?code=${code}`, { headers: { Authorization: `Bearer ${tok}` } });
  check(r.ok, `unit ${code}: ${r.status}`);
  const body = await r.json();
  check(body.items.length === 1, `unit ${code} not found`);
  return body.items[0].id;
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
    return { chinese: draw('江欣苑社区'), missing: draw('\uE000\uE001\uE002\uE003\uE004') };
  });
  check(drawn.chinese !== drawn.missing,
    'Chinese is drawn as empty boxes: no CJK font on this machine (apt-get install fonts-wqy-microhei or fonts-noto-cjk)');
}

let current = null;

async function shot(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await assertCjkFont(page);
  const file = join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  summary.screenshots.push(file);
}

async function scenario(name, run) {
  const started = Date.now();
  await run();
  summary.scenarios.push({ name, ms: Date.now() - started });
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
}

/** Keycloak's own login form (theme keycloak.v2): the console never sees the password. */
async function signInAtKeycloak(page, username, password) {
  await page.waitForURL((url) => url.href.startsWith(`${config.issuer}/protocol/openid-connect/auth`)
    || url.href.startsWith(`${config.issuer}/login-actions/`));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
}

selectors.setTestIdAttribute('data-test');
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--lang=zh-CN'],
});

try {
  const jxy = await unitId(await keycloakToken('secretary', 'demo-secretary'), 'JXY');

  await scenario('the secretary signs in on Keycloak\'s login page (code flow with PKCE), lands on 江欣苑 where she was going, and signs out of the console and of Keycloak', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    const keycloakCalls = [];
    page.on('request', (r) => { if (r.url().startsWith(config.issuer)) keycloakCalls.push(`${r.method()} ${r.url()}`); });

    await page.goto(`${console_}/units/${jxy}`);
    await page.waitForURL(/\/console\/signin\?next=/);
    await page.getByTestId('oidc-sign-in').click();
    await page.locator('#kc-login').waitFor();
    const authorize = new URL(page.url());
    check(authorize.searchParams.get('code_challenge_method') === 'S256' && authorize.searchParams.get('code_challenge'),
      `the authorization request carries a S256 challenge: ${page.url()}`);
    await shot(page, 'keycloak-sign-in');
    await signInAtKeycloak(page, 'secretary', 'demo-secretary');

    await page.waitForURL(new RegExp(`/console/units/${jxy}$`));
    await page.getByTestId('unit-name').getByText('江欣苑社区').waitFor();
    check((await page.locator('.who').innerText()).includes('王芳'), 'the header names the secretary');
    check(keycloakCalls.some((c) => c.startsWith('POST') && c.includes('/protocol/openid-connect/token')),
      `the code was exchanged at Keycloak's token endpoint: ${keycloakCalls.join(', ')}`);
    await shot(page, 'keycloak-signed-in');

    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/console\/signin\?signedOut=1/);
    await page.getByText('您已退出登录。').waitFor();
    check(keycloakCalls.some((c) => c.includes('/protocol/openid-connect/logout') && c.includes('id_token_hint=')),
      `signed out at Keycloak's end-session endpoint: ${keycloakCalls.join(', ')}`);

    // the console's protected page asks to sign in again, and Keycloak asks for the password again: its session ended too
    await page.goto(`${console_}/units/${jxy}`);
    await page.waitForURL(/\/console\/signin\?next=/);
    await page.getByTestId('oidc-sign-in').click();
    await page.locator('#kc-login').waitFor();
    check(await page.locator('#username').isVisible(), 'Keycloak shows its login form again');
    await context.close();
  });

  await scenario('a callback that this tab did not ask for is refused, saying so', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    current = page;
    await page.goto(`${console_}/signin/callback?state=forged&code=stolen-code`);
    await page.getByTestId('signin-error').getByText('state 不符').waitFor();
    check(!page.url().includes('stolen-code'), 'the code is taken off the address');
    await page.getByTestId('sign-in-again').click();
    await page.getByTestId('oidc-sign-in').waitFor();
    await context.close();
  });

  summary.ok = true;
} catch (e) {
  summary.error = String(e?.stack ?? e);
  console.error(`FAIL ${summary.error}`);
  if (current && !current.isClosed()) {
    const file = join(here, '..', 'target', 'e2e-keycloak-failure.png');
    mkdirSync(dirname(file), { recursive: true });
    await current.screenshot({ path: file }).catch(() => {});
    console.error(`at ${current.url()}, screenshot ${file}:\n${await current.locator('body').innerText().catch(() => '')}`);
  }
} finally {
  await browser.close();
  console.log(JSON.stringify(summary));
  process.exit(summary.ok ? 0 : 1);
}
