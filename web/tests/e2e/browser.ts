import { chromium, type BrowserContext } from '@playwright/test';

/** Debian's Chromium: these tests never download a browser. */
export const CHROMIUM = process.env.PHOENIX_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A headless Chromium with a real profile directory, as a participant's
 * browser has: closing and relaunching it with the same directory is a
 * browser restart, and OPFS lives inside it.
 */
export function launchBrowser(
  userDataDir: string,
  options: { viewport?: { width: number; height: number }; timeZone?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // The whole browser in that zone, the core's worker included.
    ...(options.timeZone ? { timezoneId: options.timeZone, env: { ...process.env, TZ: options.timeZone } } : {}),
  });
}
