// End-to-end test of the /ui console in headless Chromium, run by ConsoleE2ETest against a real server it has
// seeded over REST. Every step drives the page the way a user does (clicks, keyboard, forms) and checks what
// the page shows; a failed step exits non-zero with its name. Screenshots go to SCREENSHOT_DIR.
//
// Environment: CONSOLE_URL (http://127.0.0.1:<port>), ALICE_KEY (an API key of alice), MASTER_KEY,
// BOB_MEMORY_ID (a memory of another user), SCREENSHOT_DIR, CHROMIUM (default /usr/bin/chromium).
import { chromium } from 'playwright-core';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const env = (name, fallback) => {
  const value = process.env[name] ?? fallback;
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const base = env('CONSOLE_URL');
const aliceKey = env('ALICE_KEY');
const masterKey = env('MASTER_KEY');
const bobMemory = env('BOB_MEMORY_ID');
const shots = env('SCREENSHOT_DIR');
mkdirSync(shots, { recursive: true });
rmSync(join(shots, 'failure.png'), { force: true });

const browser = await chromium.launch({ executablePath: env('CHROMIUM', '/usr/bin/chromium'), headless: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
const page = await context.newPage();
page.setDefaultTimeout(20_000);

// a refused inline script or style, a failed module or an uncaught error fails the run, not only a wrong text
const problems = [];
page.on('console', (message) => {
  if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of (401|403|404)/
    .test(message.text())) problems.push(`console: ${message.text()}`);
});
page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

let stepName = '';
async function step(name, body) {
  stepName = name;
  const started = Date.now();
  await body();
  assert.deepEqual(problems, [], `browser problems during "${name}"`);
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
}

// the list is replaced as a whole when a page arrives; wait for the new one rather than race the old one
const listLength = (atLeast, atMost = atLeast) => page.waitForFunction(([low, high]) => {
  const n = document.querySelectorAll('[data-testid=memory-list] li.memory').length;
  return n >= low && n <= high;
}, [atLeast, atMost]);
const shot = (name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const statusText = () => page.locator('#status').innerText();

async function signIn(key, user) {
  await page.getByLabel('API key or master key').fill(key);
  if (user) await page.getByLabel('Act as user').fill(user);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('#nav').waitFor({ state: 'visible' });
}

try {
  await step('login form is served and signs in with an API key', async () => {
    const response = await page.goto(`${base}/ui/`);
    assert.match(response.headers()['content-security-policy'], /^default-src 'self'/);
    await page.getByRole('heading', { name: 'Sign in to the Memoria console' }).waitFor();
    await shot('login');
    await signIn(aliceKey);
    await page.locator('#who-user', { hasText: 'alice' }).waitFor();
    assert.equal(await page.locator('#nav-admin').isVisible(), false, 'admin link hidden for an API key');
    // the key is in this tab's sessionStorage and nowhere a request or another page could leak it
    assert.equal(await page.evaluate(() => sessionStorage.getItem('memoria.key')), aliceKey);
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.ok(!page.url().includes(aliceKey), 'key not in the URL');
  });

  await step('memories list shows a page from the API', async () => {
    const list = page.getByTestId('memory-list');
    await list.waitFor();
    assert.ok(await list.locator('li.memory').count() >= 4);
    await page.getByLabel('Type').selectOption('procedural');
    await page.getByRole('button', { name: 'Apply' }).click();
    await listLength(1);
    await page.getByTestId('memory-list').getByText('deploys on Fridays').waitFor();
    await page.getByLabel('Type').selectOption('');
    await page.getByRole('button', { name: 'Apply' }).click();
    await listLength(2, 1000);
  });

  await step('search shows explain with the score breakdown of each result', async () => {
    await page.getByLabel('Search by meaning').fill('when is the kid birthday celebration');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.getByTestId('explain-summary').waitFor();
    const results = page.getByTestId('search-results');
    await results.getByText('birthday party').first().waitFor();
    const breakdown = results.getByTestId('breakdown').first();
    await breakdown.waitFor();
    for (const signal of ['final', 'vector', 'keyword', 'recency', 'confidence']) {
      await breakdown.getByRole('rowheader', { name: signal, exact: true }).waitFor();
    }
    assert.match(await page.getByTestId('explain-summary').innerText(), /path \w+/);
    await shot('memories-search');
  });

  await step('history shows the correction chain; delete asks first and cancel keeps the memory', async () => {
    const corrected = page.getByTestId('memory-list').locator('li.memory', { hasText: 'PostgreSQL 17' });
    await corrected.getByRole('button', { name: 'History' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByTestId('history').getByText('PostgreSQL 16').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await corrected.getByRole('button', { name: 'Delete' }).click();
    await dialog.getByText('A safety snapshot is taken first').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' }).catch(() => {});
    assert.equal(await page.locator('dialog[open]').count(), 0);
    assert.equal(await corrected.count(), 1, 'cancelled delete keeps the memory');
  });

  await step('correct and delete through their dialogs', async () => {
    const list = page.getByTestId('memory-list');
    await list.locator('li.memory', { hasText: 'learning the cello' }).getByRole('button', { name: 'Correct' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByLabel('Corrected content').fill('Alice is learning the cello and the piano');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await page.locator('#status', { hasText: 'Corrected: new memory' }).waitFor();
    await list.getByText('the cello and the piano').waitFor();
    await list.locator('li.memory', { hasText: 'next review' }).getByRole('button', { name: 'Delete' }).click();
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.locator('#status', { hasText: 'safety snapshot pre_delete_' }).waitFor();
    await list.locator('li.memory', { hasText: 'next review' }).waitFor({ state: 'detached' });
  });

  await step('timeline shows the snapshots of the branch and the branch graph', async () => {
    await page.getByRole('link', { name: 'Time' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.waitFor();
    for (const name of ['baseline', 'after-review', 'now']) {
      await timeline.locator(`[data-snapshot="${name}"]`).waitFor();
    }
    const graph = page.getByTestId('branch-graph');
    await graph.locator('text.lane-label', { hasText: 'experiment' }).waitFor();
    assert.match(await graph.getAttribute('aria-label'), /1 fork\(s\), 1 merge\(s\)/);
    await shot('time');
  });

  await step('two snapshots selected by keyboard and mouse show added, updated and removed', async () => {
    const timeline = page.getByTestId('timeline');
    await timeline.locator('[data-snapshot="baseline"]').focus();
    await page.keyboard.press('Enter');
    await timeline.locator('[data-snapshot="after-review"]').click();
    const diff = page.getByTestId('diff');
    await diff.waitFor();
    await diff.getByTestId('diff-added').getByText('learning the cello').waitFor();
    await diff.getByTestId('diff-updated').getByText('PostgreSQL 17').waitFor();
    await diff.getByTestId('diff-removed').getByText('green tea').waitFor();
    await shot('diff');
  });

  await step('rollback to a snapshot after confirming, with its safety snapshot on the timeline', async () => {
    await page.getByRole('button', { name: 'Clear selection' }).click();
    const timeline = page.getByTestId('timeline');
    await timeline.locator('[data-snapshot="baseline"]').click();
    await page.getByRole('button', { name: 'Compare with now' }).click();
    await page.getByTestId('diff').waitFor();
    await page.getByRole('button', { name: 'Roll back to baseline' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.getByText('A safety snapshot is taken first').waitFor();
    await dialog.getByRole('button', { name: 'Roll back', exact: true }).click();
    await page.locator('#status', { hasText: "Rolled back to snapshot 'baseline'" }).waitFor();
    assert.match(await statusText(), /safety snapshot pre_rollback_/);
    await timeline.locator('[data-snapshot^="pre_rollback_"]').waitFor();
  });

  await step('another user\'s memory looks missing and the admin view is refused', async () => {
    await page.getByRole('link', { name: 'Memories' }).click();
    await page.getByLabel('Memory id').fill(bobMemory);
    await page.getByRole('button', { name: 'Open' }).click();
    assert.match(await page.getByTestId('open-error').innerText(), /not found \(404\)/i);
    await page.goto(`${base}/ui/#/admin`);
    const refused = page.getByTestId('admin-refused');
    await refused.waitFor();
    assert.match(await refused.innerText(), /403 master_required/);
    await shot('admin-refused');
  });

  await step('logout removes the key from the tab', async () => {
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the Memoria console' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('memoria.key')), null);
  });

  await step('the master key sees the admin view: users, stats, keys, cluster', async () => {
    await signIn(masterKey, 'alice');
    await page.locator('#nav-admin').click();
    await page.getByRole('heading', { name: /Users \(\d+\)/ }).waitFor();
    await page.getByRole('button', { name: 'bob', exact: true }).waitFor();
    await page.getByRole('button', { name: 'alice', exact: true }).click();
    await page.getByTestId('keys').getByText('e2e').waitFor();
    await page.getByTestId('instances').waitFor();
    await shot('admin');
    await page.getByRole('link', { name: 'Governance' }).click();
    await page.getByRole('heading', { name: /Entities \(\d+\)/ }).waitFor();
    await page.getByRole('heading', { name: /Governance runs/ }).waitFor();
  });

  await step('a narrow window keeps the page within its width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ['memories', 'time', 'admin']) {
      await page.goto(`${base}/ui/#/${view}`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${view} overflows a narrow window by ${overflow}px`);
    }
    await page.goto(`${base}/ui/#/time`);
    await page.getByTestId('timeline').waitFor();
    await shot('time-narrow');
  });
} catch (error) {
  console.error(`FAIL ${stepName}: ${error.message}`);
  await shot('failure').catch(() => {});
  await browser.close();
  process.exit(1);
}

await browser.close();
console.log('all console steps passed');
