/**
 * The storage path end to end, in Debian's Chromium against the release
 * build: page → worker → wasm (rusqlite + ring) → OPFS. Uses the TEMPORARY
 * smoke screens (first-run passcode, notes) until the core is wired in.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { launchBrowser } from './browser';
import { bytesUnder, filesContaining } from './diskScan';

const PASSCODE = 'correct horse battery';
const SENTINEL = `phx-sentinel-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const ARTIFACTS = join(import.meta.dirname, '../../../tests/artifacts');

let profile: string;
/** Every URL any page, worker or service worker requested, across launches. */
const requested: string[] = [];

/** The first bytes of every SQLite database (and of a WAL's copy of page 1). */
const SQLITE_HEADER = 'SQLite format 3';

/** Files in the profile's OPFS storage containing `needle` (Chromium's own databases are SQLite too). */
function opfsFilesContaining(needle: string): string[] {
  return filesContaining(profile, needle).filter((path) => path.includes('File System'));
}

/** Adds a measured figure to the test report and prints it (timings only, never content). */
function measured(name: string, milliseconds: number): void {
  test.info().annotations.push({ type: name, description: `${milliseconds} ms` });
  console.log(`  measured: ${name}: ${milliseconds} ms`);
}

/** The last `performance.measure` named `name` in the core's worker, in whole ms. */
async function workerMeasure(page: Page, name: string): Promise<number> {
  const [worker] = page.workers();
  const duration = await worker.evaluate(
    (measureName) => performance.getEntriesByName(measureName).at(-1)?.duration ?? -1,
    name,
  );
  return Math.round(duration);
}

/** Requests the Content-Security-Policy blocked (they never reach `requested`). */
const blockedByPolicy: string[] = [];

function record(context: BrowserContext): void {
  context.on('request', (request) => requested.push(request.url()));
  const watch = (page: Page) =>
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blockedByPolicy.push(message.text());
    });
  context.pages().forEach(watch);
  context.on('page', watch);
}

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchBrowser(profile);
  record(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  return { context, page };
}

/** Fills the passcode and presses Unlock; returns the milliseconds until the notes show. */
async function unlock(page: Page, passcode: string): Promise<number> {
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  const started = Date.now();
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Notes', exact: true })).toBeVisible();
  return Date.now() - started;
}

test.describe.serial('the vault in the browser', () => {
  test.beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'phoenix-profile-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  test.afterAll(() => {
    rmSync(profile, { recursive: true, force: true });
  });

  test('first run sets a passcode and saves a note through the worker', async () => {
    const { context, page } = await open();
    await expect(page.getByRole('heading', { name: 'Welcome to Phoenix' })).toBeVisible();
    await page.getByLabel('Choose a passcode').fill(PASSCODE);
    const started = Date.now();
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await expect(page.getByRole('heading', { name: 'Notes', exact: true })).toBeVisible();
    measured('create vault (KDF + schema), click to notes', Date.now() - started);
    measured('create vault in the worker, wasm call only', await workerMeasure(page, 'phoenix:createVault'));

    await page.getByLabel('Note', { exact: true }).fill(SENTINEL);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: SENTINEL })).toBeVisible();
    await context.close();
  });

  test('the note survives a reload and a browser restart, behind the passcode', async () => {
    let { context, page } = await open();
    await expect(page.getByRole('heading', { name: 'Phoenix is locked' })).toBeVisible();
    const firstUnlockMs = await unlock(page, PASSCODE);
    await expect(page.getByText(SENTINEL)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Phoenix is locked' })).toBeVisible();
    await unlock(page, PASSCODE);
    await expect(page.getByText(SENTINEL)).toBeVisible();
    await context.close();

    ({ context, page } = await open());
    await page.getByLabel('Passcode', { exact: true }).fill('not the passcode');
    const wrongStarted = Date.now();
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(/did not open Phoenix/);
    measured('wrong passcode (KDF + one durable write), click to message', Date.now() - wrongStarted);
    const navigationStarted = Date.now();
    await page.reload();
    const unlockMs = await unlock(page, PASSCODE);
    measured('unlock after a restart (KDF + load), click to notes', firstUnlockMs);
    measured('unlock in the worker (KDF + load), wasm call only', await workerMeasure(page, 'phoenix:unlock'));
    measured('unlock after a reload (KDF + load), click to notes', unlockMs);
    measured('reload, type passcode, unlock: navigation to notes', Date.now() - navigationStarted);
    await expect(page.getByText(SENTINEL)).toBeVisible();
    await context.close();
  });

  test('no plaintext at rest: the browser profile on disk never contains the note', async () => {
    // The browser is closed: everything it keeps is on disk now.
    expect(bytesUnder(profile, 'File System'), 'OPFS holds the vault').toBeGreaterThan(0);
    expect(opfsFilesContaining(SQLITE_HEADER).length, 'the vault database is in OPFS').toBeGreaterThan(0);
    expect(filesContaining(profile, SENTINEL)).toEqual([]);
    expect(filesContaining(profile, PASSCODE)).toEqual([]);
    // Control: the same scan does find what the browser keeps in the clear.
    expect(filesContaining(profile, new URL(BASE_URL).host).length).toBeGreaterThan(0);
  });

  test('works offline after the first load', async () => {
    const { context, page } = await open();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expect(page.getByRole('heading', { name: 'Phoenix is locked' })).toBeVisible();
    await unlock(page, PASSCODE);
    await expect(page.getByText(SENTINEL)).toBeVisible();
    await context.close();
  });

  test('lock screen: accessible, and screenshots at phone and desktop width', async () => {
    const { context, page } = await open();
    await expect(page.getByRole('heading', { name: 'Phoenix is locked' })).toBeVisible();
    await expect(page.getByLabel('Passcode', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Unlock', exact: true })).toBeVisible();

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
    expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);

    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: join(ARTIFACTS, `lock-screen-${width}.png`), fullPage: true });
    }
    await context.close();
  });

  test('a second tab is told storage is in use, and the first keeps working', async () => {
    const { context, page } = await open();
    await expect(page.getByRole('heading', { name: 'Phoenix is locked' })).toBeVisible();
    const second = await context.newPage();
    await second.goto('/');
    await expect(second.getByRole('heading', { name: 'Phoenix cannot open its storage' })).toBeVisible();
    await unlock(page, PASSCODE);
    await expect(page.getByText(SENTINEL)).toBeVisible();
    await context.close();
  });

  test('erase everything frees the vault: OPFS holds no database page afterwards', async () => {
    let { context, page } = await open();
    await unlock(page, PASSCODE);
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Phoenix' })).toBeVisible();
    await context.close();

    expect(opfsFilesContaining(SQLITE_HEADER)).toEqual([]);
    expect(filesContaining(profile, SENTINEL)).toEqual([]);

    ({ context, page } = await open());
    await expect(page.getByRole('heading', { name: 'Welcome to Phoenix' })).toBeVisible();
    await context.close();
  });

  // Last: covers every launch above.
  test('no request leaves the page origin', () => {
    expect(requested.length).toBeGreaterThan(0);
    const foreign = requested.filter((url) => new URL(url).origin !== BASE_URL);
    expect(foreign).toEqual([]);
    expect(blockedByPolicy, 'nothing even tried to reach elsewhere').toEqual([]);
  });
});
