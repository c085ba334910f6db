/**
 * The app on a phone (390×844), as a participant holds it: the bottom
 * navigation is on screen everywhere, every destination is at most two taps
 * from Today, each screen's heading is near the top, nothing scrolls
 * sideways even with text at 200 %, and axe's WCAG 2.2 AA rules find no
 * serious or critical violation — in the light and the dark theme, in
 * English and in Spanish. Screenshots of every screen (light and dark, 390
 * and 1280 px) go to tests/artifacts/.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { launchBrowser } from './browser';
import { ARTIFACTS } from './helpers';

const PHONE = { width: 390, height: 844 };
const PASSCODE = 'a phone in my pocket';

/** Every destination, by its label in each language, and its screen's heading. */
const DESTINATIONS = {
  en: [
    ['Today', 'Today'],
    ['Goals', 'Goals'],
    ['Triggers and coping', 'Triggers and coping'],
    ['Check-in', 'Daily check-in'],
    ['Trends', 'Trends'],
    ['Aftercare plan', 'My aftercare plan'],
    ['Safety plan', 'My safety plan'],
    ['Contact my peer', 'Contact my peer'],
    ['Settings', 'Settings'],
  ],
  es: [
    ['Hoy', 'Hoy'],
    ['Metas', 'Metas'],
    ['Detonantes y cómo enfrentarlos', 'Detonantes y cómo enfrentarlos'],
    ['Registro diario', 'Registro diario'],
    ['Tendencias', 'Tendencias'],
    ['Plan de cuidado continuo', 'Mi plan de cuidado continuo'],
    ['Plan de seguridad', 'Mi plan de seguridad'],
    ['Contactar a mi especialista de pares', 'Contactar a mi especialista de pares'],
    ['Configuración', 'Configuración'],
  ],
} as const;

let profile: string;
let context: BrowserContext;
let page: Page;

/** From Today, taps to `label`'s screen; returns how many taps it took. */
async function tapTo(label: string, heading: string): Promise<number> {
  const navigation = page.getByRole('navigation');
  const link = navigation.getByRole('link', { name: label, exact: true });
  let taps = 0;
  if (!(await link.isVisible())) {
    await navigation.getByRole('button', { expanded: false }).click();
    taps += 1;
  }
  await link.click();
  taps += 1;
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
  // Under "More" the link is folded away again once there: found hidden too.
  await expect(page.getByRole('navigation').getByRole('link', { name: label, exact: true, includeHidden: true })).toHaveAttribute(
    'aria-current',
    'page',
  );
  return taps;
}

/** What a phone screen must be, in the current theme. */
async function expectPhoneScreen(name: string): Promise<void> {
  const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
  expect(heading?.y ?? Infinity, `${name}: heading within the top 160 px`).toBeLessThan(160);
  const bar = await page.getByRole('navigation').boundingBox();
  expect(bar, `${name}: bottom navigation`).not.toBeNull();
  expect(bar!.y + bar!.height, `${name}: bottom navigation on screen`).toBeLessThanOrEqual(PHONE.height + 1);
  expect(bar!.y, `${name}: bottom navigation at the bottom`).toBeGreaterThan(PHONE.height / 2);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze();
  const serious = results.violations.filter((violation) => ['serious', 'critical'].includes(violation.impact ?? ''));
  expect(serious.map((violation) => `${name}: ${violation.id}: ${violation.help}`)).toEqual([]);
}

/** Text at 200 %: nothing scrolls sideways. */
async function expectNoSidewaysScroll(name: string): Promise<void> {
  await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
  const wider = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const tooWide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 1);
    return document.documentElement.scrollWidth > width ? tooWide.map((element) => `${element.tagName.toLowerCase()}.${element.className}`) : [];
  });
  await page.evaluate(() => (document.documentElement.style.fontSize = ''));
  expect(wider, `${name}: sideways scroll at 200 % text`).toEqual([]);
}

async function screenshots(name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: PHONE.height });
      await page.screenshot({ path: join(ARTIFACTS, `phone-${name}-${scheme}-${width}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(PHONE);
}

test.describe.serial('the app on a phone', () => {
  test.beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'phoenix-phone-'));
    context = await launchBrowser(profile, { viewport: PHONE });
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
    await page.getByLabel('Passcode again').fill(PASSCODE);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today', exact: true })).toBeVisible();
  });

  test.afterAll(async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('it installs: the manifest has 192 and 512 px icons, one maskable, theme colours for both themes, and a service worker', async () => {
    const manifest = await (await page.request.get(`${BASE_URL}/manifest.webmanifest`)).json();
    expect(manifest.display).toBe('standalone');
    const icons: { src: string; sizes: string; purpose: string }[] = manifest.icons;
    expect(icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(icons.filter((icon) => icon.purpose === 'maskable')).toHaveLength(1);
    for (const icon of icons) expect((await page.request.get(`${BASE_URL}${icon.src}`)).ok(), icon.src).toBe(true);
    await expect(page.locator('meta[name="theme-color"][media*="dark"]')).toHaveCount(1);
    await expect(page.locator('meta[name="theme-color"][media*="light"]')).toHaveCount(1);
    expect(await page.evaluate(() => navigator.serviceWorker.ready.then((registration) => registration.active !== null))).toBe(true);
  });

  for (const language of ['en', 'es'] as const) {
    test(`every screen in ${language === 'en' ? 'English' : 'Spanish'} is two taps from Today, with the navigation on screen, in both themes`, async () => {
      if (language === 'es') {
        await tapTo('Settings', 'Settings');
        await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
        await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
      }
      const [today] = DESTINATIONS[language];
      for (const [label, heading] of DESTINATIONS[language]) {
        await tapTo(today[0], today[1]);
        expect(await tapTo(label, heading), `${label}: taps from ${today[0]}`).toBeLessThanOrEqual(2);
        const name = `${language}-${label}`;
        for (const scheme of ['light', 'dark'] as const) {
          await page.emulateMedia({ colorScheme: scheme });
          await expectPhoneScreen(`${name} (${scheme})`);
        }
        await page.emulateMedia({ colorScheme: 'light' });
        if (language === 'en') {
          await expectNoSidewaysScroll(name);
          await screenshots(label.toLowerCase().replaceAll(' ', '-'));
        }
      }
      if (language === 'es') {
        await tapTo('Configuración', 'Configuración');
        await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
        await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
      }
    });
  }
});
