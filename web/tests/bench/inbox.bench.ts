/**
 * How long the specialist waits to see 1,000 messages: a Rust participant
 * (relay/examples/participant.rs) sends them through a real relay, then the
 * inbox signs in and opens every one in its wasm (Olm, then sealed into the
 * browser's storage). Run with `cargo xtask bench inbox`; prints the figure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { launchBrowser } from '../e2e/browser';
import { Relay, ScriptedParticipant, SPECIALIST_PASSWORD } from '../e2e/relay';

const MESSAGES = Number(process.env.PHOENIX_BENCH_MESSAGES ?? 1000);

test(`the inbox opens ${MESSAGES} messages`, async () => {
  const relay = await Relay.start(['--device-requests-per-second', '100000']);
  const profile = mkdtempSync(join(tmpdir(), 'phoenix-inbox-bench-'));
  const context = await launchBrowser(profile);
  try {
    relay.addSpecialist('maria', 'Maria R.');
    const page = context.pages()[0] ?? (await context.newPage());
    const signIn = async () => {
      await page.goto(`${relay.url}/inbox`);
      await page.getByLabel('Username').fill('maria');
      await page.getByLabel('Password', { exact: true }).fill(SPECIALIST_PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('Signed in as Maria R.')).toBeVisible();
    };
    await signIn();
    await page.getByRole('button', { name: 'Create invite code' }).click();
    await expect(page.locator('#invite-fingerprint')).not.toBeEmpty();
    const code = (await page.locator('#invite-code').textContent()) ?? '';
    const fingerprint = (await page.locator('#invite-fingerprint').textContent()) ?? '';
    const sam = new ScriptedParticipant(relay);
    sam.pair(code, fingerprint, 'Sam');
    sam.sendMany(MESSAGES);

    await page.reload();
    const started = performance.now();
    await signIn();
    await expect(page.getByRole('button', { name: `Sam (${MESSAGES} new)` })).toBeVisible();
    const elapsed = Math.round(performance.now() - started);
    await page.getByRole('button', { name: `Sam (${MESSAGES} new)` }).click();
    await expect(page.locator('#messages li')).toHaveCount(MESSAGES);
    const shown = Math.round(performance.now() - started);
    console.log(`inbox bench: signed in and opened ${MESSAGES} messages in ${elapsed} ms; conversation shown at ${shown} ms`);
  } finally {
    await context.close();
    relay.stop();
    rmSync(profile, { recursive: true, force: true });
  }
});
