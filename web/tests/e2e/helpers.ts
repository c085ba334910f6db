/** What the browser tests share: a recorded browser launch, measurements, accessibility. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchBrowser } from './browser';

export const ARTIFACTS = join(import.meta.dirname, '../../../tests/artifacts');

/** Every URL any page, worker or service worker requested, and what the CSP blocked. */
export class NetworkLog {
  requested: string[] = [];
  blockedByPolicy: string[] = [];

  watch(context: BrowserContext): void {
    context.on('request', (request) => this.requested.push(request.url()));
    const watchPage = (page: Page) =>
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) this.blockedByPolicy.push(message.text());
      });
    context.pages().forEach(watchPage);
    context.on('page', watchPage);
  }
}

/** A browser on `profile` (recorded by `log`, in `options.timeZone` if given), its first page at the app. */
export async function openApp(
  profile: string,
  log: NetworkLog,
  options: { timeZone?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchBrowser(profile, options);
  log.watch(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  return { context, page };
}

/** Adds a measured figure to the test report and prints it (timings only, never content). */
export function measured(name: string, milliseconds: number): void {
  test.info().annotations.push({ type: name, description: `${milliseconds} ms` });
  console.log(`  measured: ${name}: ${milliseconds} ms`);
}

/**
 * The unlock as the core's worker timed it, in whole ms: its two wasm calls,
 * the passcode (`phoenix:update`, which asks the shell for the device
 * secret) and the device secret's answer (`phoenix:resolve`: KDF, load,
 * view). The answer is the longest call of the worker (the KDF dominates);
 * the passcode is the update just before it.
 */
export async function workerUnlockMeasure(page: Page): Promise<number> {
  const [worker] = page.workers();
  const duration = await worker.evaluate(() => {
    const calls = performance
      .getEntriesByType('measure')
      .filter(({ name }) => name === 'phoenix:update' || name === 'phoenix:resolve')
      .sort((a, b) => a.startTime - b.startTime);
    const answers = calls.filter(({ name }) => name === 'phoenix:resolve');
    if (answers.length === 0) return -1;
    const answer = answers.reduce((longest, call) => (call.duration > longest.duration ? call : longest));
    const passcode = calls.filter(({ name, startTime }) => name === 'phoenix:update' && startTime < answer.startTime).at(-1);
    return passcode === undefined ? -1 : passcode.duration + answer.duration;
  });
  return Math.round(duration);
}

/** No serious or critical axe violation on the current screen; screenshots at phone and desktop width. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
  expect(serious.map((violation) => `${name}: ${violation.id}: ${violation.help}`)).toEqual([]);
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** Goes to a screen through the navigation (on a phone, through "More" when it is not on the bottom bar). */
export async function go(page: Page, label: string, heading: string): Promise<void> {
  const navigation = page.getByRole('navigation');
  const link = navigation.getByRole('link', { name: label, exact: true });
  if (!(await link.isVisible())) await navigation.getByRole('button', { expanded: false }).click();
  await link.click();
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}
