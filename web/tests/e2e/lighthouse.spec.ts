/**
 * Lighthouse (npm `lighthouse`, pinned to 12.8.2: the last line that runs on
 * Node 20) on the served release build, with its default mobile emulation
 * and simulated throttling, in Debian's Chromium.
 *
 * Lighthouse cannot type a passcode, so it runs as a user flow on a
 * puppeteer page (puppeteer-core comes with Lighthouse): one cold
 * navigation to the app (the performance score: everything a participant
 * downloads and runs before the lock screen), then the first run's passcode
 * typed by the script, then a snapshot of Today, Goals, I'm triggered and
 * Trends as they are after unlock (accessibility and best practices; a
 * snapshot has no performance score). No test-only route exists in the
 * app. Scores go to tests/artifacts/lighthouse.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFlow } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { BASE_URL } from '../../playwright.config';
import { CHROMIUM, CHROMIUM_ARGS } from './browser';
import { ARTIFACTS } from './helpers';

const PASSCODE = 'lighthouse keeper';
const MINIMUM = { accessibility: 100, 'best-practices': 95, performance: 90 } as const;
/** Lighthouse's own mobile screen (Moto G Power). */
const MOBILE = { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

async function tap(page: Page, selector: string): Promise<void> {
  await page.locator(selector).click();
}

async function heading(page: Page, name: string): Promise<void> {
  await page.waitForSelector(`::-p-aria([name="${name}"][role="heading"])`);
}

/** Through the navigation (and "More" when the link is not on the bottom bar). */
async function go(page: Page, name: string): Promise<void> {
  const link = `::-p-aria([name="${name}"][role="link"])`;
  if ((await page.$(link)) === null) await tap(page, '::-p-aria([name="More"][role="button"])');
  await tap(page, link);
  await heading(page, name);
}

test('Lighthouse on a phone: accessibility 100, best practices 95 and performance 90 or more', async () => {
  test.setTimeout(300_000);
  const profile = mkdtempSync(join(tmpdir(), 'phoenix-lighthouse-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    args: CHROMIUM_ARGS,
    defaultViewport: MOBILE,
  });
  try {
    const page = await browser.newPage();
    const flow = await startFlow(page, {
      config: {
        extends: 'lighthouse:default',
        settings: { onlyCategories: ['performance', 'accessibility', 'best-practices'] },
      },
    });
    await flow.navigate(`${BASE_URL}/`, { name: 'Opening the app' });
    await page.locator('::-p-aria([name="Passcode"][role="textbox"])').fill(PASSCODE);
    await page.locator('::-p-aria([name="Passcode again"][role="textbox"])').fill(PASSCODE);
    await tap(page, '::-p-aria([name="Save"][role="button"])');
    await heading(page, 'Today');
    await flow.snapshot({ name: 'Today' });
    await go(page, 'Goals');
    await flow.snapshot({ name: 'Goals' });
    await go(page, 'Trends');
    await flow.snapshot({ name: 'Trends' });
    await tap(page, "::-p-aria([name=\"I'm triggered\"][role=\"button\"])");
    await heading(page, "I'm triggered");
    await flow.snapshot({ name: "I'm triggered" });

    const result = await flow.createFlowResult();
    const scores = result.steps.map((step) => ({
      step: step.name,
      mode: step.lhr.gatherMode,
      scores: Object.fromEntries(
        Object.entries(step.lhr.categories)
          // A snapshot has no performance score (null).
          .filter(([id]) => step.lhr.gatherMode === 'navigation' || id !== 'performance')
          .map(([id, category]) => [id, category.score === null ? null : Math.round(category.score * 100)]),
      ),
      problem: step.lhr.runtimeError?.message,
    }));
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'lighthouse.json'), `${JSON.stringify(scores, null, 2)}\n`);
    writeFileSync(join(ARTIFACTS, 'lighthouse.html'), await flow.generateReport());
    console.log(`  measured: lighthouse: ${JSON.stringify(scores)}`);
    const below = scores.flatMap(({ step, scores: byCategory }) =>
      Object.entries(byCategory)
        .filter(([id, score]) => score === null || score < MINIMUM[id as keyof typeof MINIMUM])
        .map(([id, score]) => `${step}: ${id} ${score} < ${MINIMUM[id as keyof typeof MINIMUM]}`),
    );
    expect(below).toEqual([]);
  } finally {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
