/**
 * The specialist's inbox, served by a real relay, in Debian's Chromium. The
 * participant here is a Rust device (relay-protocol), so these tests also
 * prove the inbox's WebCrypto and the Rust protocol interoperate both ways.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchBrowser } from './browser';
import { checkScreen, NetworkLog } from './helpers';
import { Relay, ScriptedParticipant, SPECIALIST_PASSWORD } from './relay';

test.describe.configure({ mode: 'serial' });

const SENTINEL = `phxinbox${Date.now()}`;
let relay: Relay;
let profile: string;
let context: BrowserContext;
let page: Page;
const network = new NetworkLog();
let sam: ScriptedParticipant;

async function signIn(): Promise<void> {
  await page.goto(`${relay.url}/inbox`);
  await page.getByLabel('Username').fill('maria');
  await page.getByLabel('Password').fill(SPECIALIST_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as Maria R.')).toBeVisible();
}

test.beforeAll(async () => {
  relay = await Relay.start();
  relay.addSpecialist('maria', 'Maria R.');
  profile = mkdtempSync(join(tmpdir(), 'phoenix-inbox-profile-'));
  context = await launchBrowser(profile);
  network.watch(context);
  page = context.pages()[0] ?? (await context.newPage());
  sam = new ScriptedParticipant(relay);
});

test.afterAll(async () => {
  await context.close();
  relay.stop();
  rmSync(profile, { recursive: true, force: true });
});

test('a specialist invites, reads and answers a participant; only ciphertext crosses the relay', async () => {
  await signIn();
  await checkScreen(page, 'inbox-signed-in');
  await page.getByRole('button', { name: 'Create invite code' }).click();
  await expect(page.locator('#invite-code')).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  const code = (await page.locator('#invite-code').textContent()) ?? '';
  await expect(page.getByRole('img', { name: 'The invite code as a QR code' })).toBeVisible();

  expect(sam.pair(code, 'Sam')).toBe('Maria R.');
  sam.send('I made it to the meeting');
  sam.send(`Thinking of using tonight ${SENTINEL}`);

  // The inbox polls; Sam appears with two new messages, decrypted here.
  await page.getByRole('button', { name: 'Sam (2 new)' }).click();
  await expect(page.getByText('I made it to the meeting')).toBeVisible();
  await expect(page.getByText(`Thinking of using tonight ${SENTINEL}`)).toBeVisible();
  await checkScreen(page, 'inbox-conversation');

  await page.getByLabel('Reply').fill('Proud of you. Call me now?');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText(/You · .* · Sent/)).toBeVisible();
  expect(sam.read()).toEqual(['Proud of you. Call me now?']);
  // The participant fetched it: the next poll shows it delivered.
  await expect(page.getByText(/You · .* · Delivered/)).toBeVisible({ timeout: 15_000 });

  // The page only ever talked to its own relay, and stored no plaintext.
  const origins = new Set(network.requested.map((url) => new URL(url).origin));
  expect([...origins]).toEqual([relay.url]);
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).not.toContain('Proud of you');
  expect(stored).not.toContain(SENTINEL);
});

test('after a reload the password unlocks the same keys and the conversation', async () => {
  await page.reload();
  await expect(page.getByRole('heading', { name: /Sign in again, Maria R\./ })).toBeVisible();
  await signIn();
  await page.getByRole('button', { name: /^Sam/ }).click();
  await expect(page.getByText('I made it to the meeting')).toBeVisible();
  await expect(page.getByText('Proud of you. Call me now?')).toBeVisible();
  sam.send('Yes, calling you in 5');
  await expect(page.getByText('Yes, calling you in 5')).toBeVisible({ timeout: 15_000 });
});

test('a wrong password is refused, and unpairing stops the participant from writing', async () => {
  const other = await context.newPage();
  await other.goto(`${relay.url}/inbox`);
  await other.getByLabel('Username').fill('maria');
  await other.getByLabel('Password').fill('not the password');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('alert')).toHaveText('the username or password is not right');
  await other.close();

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Unpair' }).click();
  await expect(page.getByText('No one is paired with you yet.')).toBeVisible();
  expect(() => sam.send('are you there?')).toThrow();
});
