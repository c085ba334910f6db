/**
 * Wrong passcodes are throttled by the vault, and the delay crosses the wasm
 * boundary as a typed error (`WebError { code: "Throttled", retryAfterSecs }`).
 * A profile of its own: the throttle would block the other file's unlocks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchBrowser } from './browser';

test('repeated wrong passcodes show the throttle message with its delay', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'phoenix-throttle-'));
  const context = await launchBrowser(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await page.getByLabel('Choose a passcode').fill('the right one');
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await page.getByRole('button', { name: 'Lock now' }).click();

    const passcode = page.getByLabel('Passcode', { exact: true });
    const unlock = page.getByRole('button', { name: 'Unlock', exact: true });
    const alert = page.getByRole('alert');
    // Four free attempts, then a growing delay (see the vault's throttle).
    for (let attempt = 1; attempt <= 5; attempt++) {
      await passcode.fill(`wrong ${attempt}`);
      await unlock.click();
      await expect(alert).toHaveText(/did not open Phoenix/);
      await expect(unlock).toBeEnabled();
    }
    await passcode.fill('the right one');
    await unlock.click();
    await expect(alert).toHaveText(/Too many attempts\. Try again in \d+ seconds\./);
    await expect(page.getByRole('heading', { name: 'Phoenix is locked' })).toBeVisible();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
