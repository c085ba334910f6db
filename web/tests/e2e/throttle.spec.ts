/**
 * Wrong passcodes are throttled by the vault: after four free attempts the
 * lock screen says how long to wait. A profile of its own: the throttle
 * would block the other file's unlocks.
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
    await page.getByLabel('Passcode', { exact: true }).fill('the right one');
    await page.getByLabel('Passcode again').fill('the right one');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Lock now' }).click();

    const passcode = page.getByLabel('Passcode', { exact: true });
    const unlock = page.getByRole('button', { name: 'Unlock', exact: true });
    // Four free attempts, then a growing delay (see the vault's throttle).
    for (let attempt = 1; attempt <= 4; attempt++) {
      await passcode.fill(`wrong ${attempt}`);
      await unlock.click();
      await expect(page.getByRole('alert')).toHaveText(/did not work/);
      await expect(unlock).toBeEnabled();
    }
    await passcode.fill('wrong 5');
    await unlock.click();
    await expect(page.getByText(/Too many attempts\. Try again in \d+ seconds\./).first()).toBeVisible();
    await passcode.fill('the right one');
    await unlock.click();
    await expect(page.getByRole('heading', { name: 'Enter your passcode' })).toBeVisible();
    await expect(page.getByText(/Too many attempts\. Try again in \d+ seconds\./).first()).toBeVisible();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
