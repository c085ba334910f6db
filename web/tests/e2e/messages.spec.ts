/**
 * Contact my peer, securely, end to end in Debian's Chromium: the
 * participant is the real web app (the Rust core in its worker seals, signs
 * and queues), the specialist is the real inbox page (the same Rust protocol
 * as wasm), and a real relay process on loopback stores only ciphertext
 * between them.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { launchBrowser } from './browser';
import { checkScreen, go, measured, NetworkLog, openApp } from './helpers';
import { Relay, SPECIALIST_PASSWORD } from './relay';

test.describe.configure({ mode: 'serial' });

const PASSCODE = 'correct horse battery';
const SENTINEL = `phxmessage${Date.now()}`;
let relay: Relay;
const profiles: string[] = [];
const contexts: BrowserContext[] = [];
let participant: Page;
let specialist: Page;
const network = new NetworkLog();
/**
 * The participant's device starts 11 hours behind UTC and later travels to
 * 14 hours ahead: its calendar day moves on by one or two days, whatever the
 * hour the tests run, so two check-ins fall on two days.
 */
const BEHIND_UTC = 'Pacific/Pago_Pago';
const AHEAD_OF_UTC = 'Pacific/Kiritimati';

function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'phoenix-messages-'));
  profiles.push(dir);
  return dir;
}

/** The participant's shell syncs every 30 s, and at once when the network comes back. */
async function syncParticipant(): Promise<void> {
  await participant.evaluate(() => window.dispatchEvent(new Event('online')));
}

test.beforeAll(async () => {
  relay = await Relay.start();
  relay.addSpecialist('maria', 'Maria R.');
  const app = await openApp(profile(), network, { timeZone: BEHIND_UTC });
  contexts.push(app.context);
  participant = app.page;
  const inbox = await launchBrowser(profile());
  contexts.push(inbox);
  // Each notification the inbox raises is recorded (title, body, when) for
  // the tests to read.
  await inbox.addInitScript(() => {
    const Real = window.Notification;
    const raised: { title: string; body: string; at: number }[] = [];
    Object.assign(window, { raisedNotifications: raised });
    function Recorded(title: string, options?: NotificationOptions) {
      raised.push({ title, body: options?.body ?? '', at: Date.now() });
      return new Real(title, options);
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    Object.assign(Recorded, { requestPermission: () => Real.requestPermission() });
    Object.assign(window, { Notification: Recorded });
  });
  specialist = inbox.pages()[0] ?? (await inbox.newPage());
});

type Raised = { title: string; body: string; at: number };
const raisedNotifications = (): Promise<Raised[]> =>
  specialist.evaluate(() => (window as unknown as { raisedNotifications: Raised[] }).raisedNotifications);

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  relay.stop();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
});

test('a participant pairs with an invite and messages their specialist, who answers', async () => {
  // The specialist signs in and makes an invite code.
  await specialist.goto(`${relay.url}/inbox`);
  await specialist.getByLabel('Username').fill('maria');
  await specialist.getByLabel('Password', { exact: true }).fill(SPECIALIST_PASSWORD);
  await specialist.getByRole('button', { name: 'Sign in' }).click();
  await specialist.getByRole('button', { name: 'Create invite code' }).click();
  await expect(specialist.locator('#invite-code')).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  const code = (await specialist.locator('#invite-code').textContent()) ?? '';
  const fingerprint = (await specialist.locator('#invite-fingerprint').textContent()) ?? '';

  // The participant's first run, then Contact my peer.
  await participant.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await participant.getByLabel('Passcode again').fill(PASSCODE);
  await participant.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(participant.getByRole('heading', { level: 1, name: 'Today', exact: true })).toBeVisible();
  await go(participant, 'Contact my peer', 'Contact my peer');
  expect(network.requested.filter((url) => url.startsWith(relay.url)), 'no request before pairing').toEqual([]);

  const pair = participant.getByRole('form', { name: 'Pair' });
  await pair.getByLabel('Message server address').fill(relay.url);
  // The whole invite as the inbox shows it: the code, then the key fingerprint.
  await pair.getByLabel('Invite code').fill(`${code.toLowerCase()} ${fingerprint}`);
  await pair.getByLabel('Name to share with your peer specialist').fill('Sam');
  await pair.getByRole('button', { name: 'Pair' }).click();
  await expect(participant.getByText('Paired with Maria R.')).toBeVisible();
  await checkScreen(participant, 'contact-secure-messages');

  const write = participant.getByRole('form', { name: 'Send' });
  await write.getByLabel('Message').fill(`Rough night, but I did not use ${SENTINEL}`);
  await write.getByRole('button', { name: 'Send' }).click();
  await expect(participant.getByText(/^Sent · /)).toBeVisible();

  // The specialist's inbox decrypts it, and answers.
  await specialist.getByRole('button', { name: 'Sam (1 new)' }).click({ timeout: 20_000 });
  await expect(specialist.getByText(`Rough night, but I did not use ${SENTINEL}`)).toBeVisible();
  await specialist.getByLabel('Reply').fill('I am glad you wrote. Call me at 10?');
  await specialist.getByRole('button', { name: 'Send' }).click();
  await expect(specialist.getByText(/You · .* · Sent/)).toBeVisible();

  // The participant's next sync: the reply, and their message read.
  await syncParticipant();
  await expect(participant.getByText('I am glad you wrote. Call me at 10?')).toBeVisible();
  await expect(participant.getByText(/^Maria R\. · /)).toBeVisible();
  await syncParticipant();
  await expect(participant.getByText(/^Read · /)).toBeVisible();
  // And the specialist sees their reply read, on the inbox's next poll.
  await expect(specialist.getByText(/You · .* · Read/)).toBeVisible({ timeout: 15_000 });
});

test('offline, messages wait in order; back online, they go', async () => {
  await participant.context().setOffline(true);
  const write = participant.getByRole('form', { name: 'Send' });
  for (const text of ['first while offline', 'second while offline']) {
    await write.getByLabel('Message').fill(text);
    await write.getByRole('button', { name: 'Send' }).click();
    // Queued: the field empties once the core took it (on a busy machine, not at once).
    await expect(write.getByLabel('Message')).toHaveValue('');
  }
  await expect(participant.getByText('2 messages will be sent when you are back online.')).toBeVisible();
  await expect(participant.getByText(/^Waiting to send · /)).toHaveCount(2);

  await participant.context().setOffline(false);
  await syncParticipant();
  await expect(participant.getByText(/^Waiting to send · /)).toHaveCount(0);
  const texts = specialist.locator('#messages li');
  await expect(texts.filter({ hasText: 'second while offline' })).toBeVisible({ timeout: 15_000 });
  const all = await texts.allTextContents();
  const first = all.findIndex((text) => text.includes('first while offline'));
  const second = all.findIndex((text) => text.includes('second while offline'));
  expect(first).toBeGreaterThan(-1);
  expect(second).toBeGreaterThan(first);
});

test('the inbox notifies the specialist within 2 s of a message, by the participant\'s shared name only, and counts it in the title', async () => {
  // A fresh sign-in: no conversation open, so the new message stays unread.
  await specialist.reload();
  await specialist.getByLabel('Username').fill('maria');
  await specialist.getByLabel('Password', { exact: true }).fill(SPECIALIST_PASSWORD);
  await specialist.getByRole('button', { name: 'Sign in' }).click();
  // Offered once signed in (headless Chromium starts at "denied"); asked
  // only on the specialist's click, which the browser then allows. Granted
  // before the offer shows, the page would rightly not offer it at all.
  const notify = specialist.getByRole('button', { name: 'Notify me of new messages' });
  await expect(notify).toBeVisible();
  await specialist.context().grantPermissions(['notifications'], { origin: relay.url });
  await notify.click();
  await expect(notify).toBeHidden();
  await expect(specialist).toHaveTitle('Phoenix inbox');

  const text = `I'm struggling with cravings. ${SENTINEL}`;
  const write = participant.getByRole('form', { name: 'Send' });
  await write.getByLabel('Message').fill(text);
  const sentAt = Date.now();
  await write.getByRole('button', { name: 'Send' }).click();
  await expect.poll(async () => (await raisedNotifications()).length, { timeout: 2_000, intervals: [50] }).toBe(1);
  const [raised] = await raisedNotifications();
  measured('send to the specialist\'s notification', raised.at - sentAt);
  expect(raised.at - sentAt).toBeLessThan(2_000);
  expect(raised.title).toBe('Phoenix inbox');
  expect(raised.body).toBe('Urgent message from Sam');
  expect(JSON.stringify(raised)).not.toContain(SENTINEL);
  expect(JSON.stringify(raised)).not.toContain('struggling');

  // The title counts it; Sam is on top of the caseload, marked urgent.
  await expect(specialist).toHaveTitle('(1) Phoenix inbox');
  await expect(specialist.locator('#participants button').first()).toHaveText(/^Sam \(1 new\) \(urgent\)/);
  await specialist.getByRole('button', { name: /^Sam/ }).click();
  await expect(specialist.locator('.message.urgent').filter({ hasText: SENTINEL })).toBeVisible();
  await expect(specialist).toHaveTitle('Phoenix inbox');
});

test('with the app in a hidden tab, a reply raises a notification that names no text', async () => {
  // Offered in Settings while paired, asked only on the participant's click.
  await go(participant, 'Settings', 'Settings');
  const notify = participant.getByRole('button', { name: 'Notify me of new messages' });
  await expect(notify).toBeVisible();
  await participant.context().grantPermissions(['notifications'], { origin: BASE_URL });
  await notify.click();
  await expect(notify).toBeHidden();

  // Each notification the app raises is recorded; then another tab comes in front.
  await participant.evaluate(() => {
    const Real = window.Notification;
    const raised: Raised[] = [];
    Object.assign(window, { raisedNotifications: raised });
    function Recorded(title: string, options?: NotificationOptions) {
      raised.push({ title, body: options?.body ?? '', at: Date.now() });
      return new Real(title, options);
    }
    Object.defineProperty(Recorded, 'permission', { get: () => Real.permission });
    Object.assign(window, { Notification: Recorded });
    Object.defineProperty(document, 'visibilityState', { get: () => 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });

  await specialist.getByLabel('Reply').fill(`See you Thursday ${SENTINEL}`);
  await specialist.getByRole('button', { name: 'Send' }).click();
  await expect(specialist.getByText(/You · .* · Sent/).last()).toBeVisible();
  await syncParticipant();
  const raised = () => participant.evaluate(() => (window as unknown as { raisedNotifications: Raised[] }).raisedNotifications);
  await expect.poll(async () => (await raised()).length).toBe(1);
  const [notification] = await raised();
  expect(notification.title).toBe('New message');
  expect(notification.body).toBe('You have a new message from your peer specialist.');
  expect(JSON.stringify(notification)).not.toContain(SENTINEL);
  expect(JSON.stringify(notification)).not.toContain('Thursday');

  // Back in view: the reply is in the conversation, and nothing more is raised.
  await participant.evaluate(() => {
    Reflect.deleteProperty(document, 'visibilityState');
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await go(participant, 'Contact my peer', 'Contact my peer');
  await expect(participant.getByText(`See you Thursday ${SENTINEL}`)).toBeVisible();
  expect(await raised()).toHaveLength(1);
});

/** The participant's browser closed and opened again in `timeZone` (the same profile: the vault in OPFS), unlocked. */
async function reopenParticipantIn(timeZone: string): Promise<void> {
  const closing = participant.context();
  contexts.splice(contexts.indexOf(closing), 1);
  await closing.close();
  const app = await openApp(profiles[0], network, { timeZone });
  contexts.push(app.context);
  participant = app.page;
  await participant.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
  await participant.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(participant.getByRole('heading', { level: 1, name: 'Today', exact: true })).toBeVisible();
}

/** Today's check-in through the check-in screen. */
async function checkIn(mood: string, craving: string): Promise<void> {
  await go(participant, 'Check-in', 'Daily check-in');
  await participant.getByRole('slider', { name: 'Mood (1 to 5)' }).fill(mood);
  await participant.getByRole('slider', { name: 'Craving (0 to 10)' }).fill(craving);
  await participant.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(participant.locator('p.status[role="status"]')).toHaveText('Saved.');
}

/** The day as the participant's device shows it, in `locale`. */
function localDay(locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(new Date());
}

test('the participant shares a goal and a 30-day check-in summary, each after its preview, and previews one section of the aftercare plan; the inbox shows them as cards, marks a call for help, and drops the goal when sharing stops', async () => {
  // A check-in with a strong craving today, another on the next day after
  // travelling across the date line, and a goal with steps, two of them done.
  await checkIn('2', '8');
  await reopenParticipantIn(AHEAD_OF_UTC);
  await checkIn('4', '3');
  await go(participant, 'Goals', 'Goals');
  const addGoal = participant.getByRole('form', { name: 'Add goal' });
  await addGoal.getByLabel('Title').fill('Walk every day');
  await addGoal.getByRole('button', { name: 'Add goal', exact: true }).click();
  const addStep = participant.getByRole('form', { name: 'Add step: Walk every day' });
  for (const step of ['Buy shoes', 'Walk to the park', 'Walk with Ana']) {
    await addStep.getByLabel('Step').fill(step);
    await addStep.getByRole('button', { name: 'Add step', exact: true }).click();
    await expect(participant.getByRole('checkbox', { name: step })).toBeVisible();
  }
  for (const step of ['Buy shoes', 'Walk to the park']) {
    // Checked once the core saves it: a click, then the state.
    await participant.getByRole('checkbox', { name: step }).click();
    await expect(participant.getByRole('checkbox', { name: step })).toBeChecked();
  }

  // The goal: its preview, exactly what Maria will see, then Send.
  await checkScreen(participant, 'share-action-goal');
  await participant.getByRole('button', { name: 'Share with my specialist' }).click();
  const preview = participant.getByRole('dialog', { name: 'What Maria R. will see' });
  await expect(preview.getByRole('heading', { name: 'Goal: Walk every day' })).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveText(['Status: Active', '2 of 3 steps done', 'Done: Buy shoes', 'Done: Walk to the park', 'To do: Walk with Ana']);
  await checkScreen(participant, 'share-preview-goal');
  await preview.getByRole('button', { name: 'Send' }).click();
  await expect(preview).toBeHidden();

  // The aftercare plan's choices are the core's: the whole plan, then each
  // section under the screen's own heading, in its order; one section's preview.
  await go(participant, 'Aftercare plan', 'My aftercare plan');
  const referral = participant.getByRole('form', { name: 'Add referral' });
  await referral.getByLabel('Organization').fill('Hope Clinic');
  await referral.getByRole('button', { name: 'Add referral' }).click();
  await expect(participant.getByText('Hope Clinic').first()).toBeVisible();
  const planChoices = participant.getByRole('combobox', { name: 'Share with my specialist' });
  await expect(planChoices.getByRole('option')).toHaveText([
    'The whole plan',
    'Support contacts',
    'Services and referrals',
    'Documents to get',
    'Appointments',
    'Weekly meetings',
    'Warning signs',
    'If I start slipping, I will',
  ]);
  await planChoices.selectOption({ label: 'Services and referrals' });
  await participant.getByRole('button', { name: 'Share with my specialist', exact: true }).click();
  await expect(preview.getByRole('heading', { name: 'My aftercare plan: Services and referrals' })).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveText(['Services and referrals', /^• Hope Clinic/]);
  await preview.getByRole('button', { name: 'Cancel' }).click();
  await expect(preview).toBeHidden();

  // The last 30 days of check-ins: notes left out unless ticked.
  await go(participant, 'Trends', 'Trends');
  await participant.getByRole('combobox', { name: 'Share with my specialist' }).selectOption({ label: 'Last 30 days' });
  await expect(participant.getByRole('checkbox', { name: 'Include my check-in notes' })).not.toBeChecked();
  await checkScreen(participant, 'share-action-check-ins');
  // The first of the screen's two: the summary's (the BARC-10 score's is next).
  await participant.getByRole('button', { name: 'Share with my specialist', exact: true }).first().click();
  await expect(preview.getByRole('heading', { name: 'Check-ins, last 30 days' })).toBeVisible();
  await expect(preview).toContainText('2 check-ins');
  await expect(preview).toContainText('Craving on average: 5.5 of 10');
  await expect(preview).toContainText('My notes are not included.');
  await checkScreen(participant, 'share-preview-check-ins');
  await preview.getByRole('button', { name: 'Send' }).click();
  await expect(preview).toBeHidden();

  // The specialist's panel beside Sam's conversation: a card for each.
  const panel = specialist.getByRole('region', { name: 'What Sam shares with you' });
  const goalCard = panel.getByRole('article', { name: 'Goal: Walk every day' });
  await expect(goalCard.getByRole('progressbar', { name: '2 of 3 steps done' })).toBeVisible({ timeout: 15_000 });
  await expect(goalCard.getByRole('listitem')).toHaveText(['Done: Buy shoes', 'Done: Walk to the park', 'To do: Walk with Ana']);
  const summary = panel.getByRole('article', { name: 'Check-ins, last 30 days' });
  await expect(summary).toContainText('2 check-ins from');
  await expect(summary).toContainText('Craving: 5.5 of 10');
  await expect(summary.getByRole('figure', { name: /^Mood and craving by day/ })).toBeVisible();
  await expect(summary.getByRole('table', { name: 'Check-ins by day' }).getByRole('row')).toHaveCount(3);

  // "I'm struggling with cravings", the quick message's words, over the
  // secure channel: the caseload marks Sam as needing attention.
  await go(participant, 'Contact my peer', 'Contact my peer');
  const write = participant.getByRole('form', { name: 'Send' });
  await write.getByLabel('Message').fill("I'm struggling with cravings.");
  await write.getByRole('button', { name: 'Send' }).click();
  const caseload = specialist.getByRole('list', { name: 'Caseload' });
  await expect(caseload.getByRole('button', { name: /^Sam\b/ })).toHaveAccessibleName(/Needs attention: asked for help/, { timeout: 15_000 });
  await checkScreen(specialist, 'inbox-caseload-panel');

  // "Shared with my specialist", dated by the participant's own day; Stop sharing on the goal.
  const shared = participant.getByRole('region', { name: 'Shared with my specialist' });
  const sharedOn = `Shared ${localDay('en-US', AHEAD_OF_UTC)}`;
  // Newest first.
  await expect(shared.getByRole('listitem')).toHaveText([
    new RegExp(`^Check-ins, last 30 days · ${sharedOn} · `),
    new RegExp(`^Goal: Walk every day · ${sharedOn} · `),
  ]);
  await checkScreen(participant, 'shared-list');
  await shared.getByRole('button', { name: 'Stop sharing: Goal: Walk every day' }).click();
  await expect(shared.getByRole('listitem')).toHaveCount(1);
  await expect(goalCard).toBeHidden({ timeout: 15_000 });
  await expect(summary).toBeVisible();
  await expect(panel.getByRole('article')).toHaveCount(1);
});

test('in Spanish, the share action, its preview and the shared list pass axe', async () => {
  await go(participant, 'Settings', 'Settings');
  await participant.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
  await expect(participant.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
  await go(participant, 'Metas', 'Metas');
  await checkScreen(participant, 'share-action-goal-es');
  await participant.getByRole('button', { name: 'Compartir con mi especialista de pares' }).click();
  const preview = participant.getByRole('dialog', { name: 'Lo que verá Maria R.' });
  await expect(preview.getByRole('heading', { name: 'Meta: Walk every day' })).toBeVisible();
  await expect(preview).toContainText('2 de 3 pasos hechos');
  await checkScreen(participant, 'share-preview-goal-es');
  await preview.getByRole('button', { name: 'Cancelar' }).click();
  await expect(preview).toBeHidden();
  await go(participant, 'Contactar a mi especialista de pares', 'Contactar a mi especialista de pares');
  const shared = participant.getByRole('region', { name: 'Compartido con mi especialista de pares' });
  await expect(shared.getByRole('listitem')).toHaveText([
    new RegExp(`^Registros diarios, últimos 30 días · Compartido el ${localDay('es-US', AHEAD_OF_UTC)} · `),
  ]);
  await checkScreen(participant, 'shared-list-es');
  await go(participant, 'Configuración', 'Configuración');
  await participant.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
  await expect(participant.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await go(participant, 'Contact my peer', 'Contact my peer');
});

test('the participant unpairs; nothing they wrote is on disk in the clear; requests went only to the relay', async () => {
  await participant.getByRole('button', { name: 'Unpair' }).click();
  await expect(participant.getByRole('form', { name: 'Pair' })).toBeVisible();
  await specialist.reload();
  await specialist.getByLabel('Username').fill('maria');
  await specialist.getByLabel('Password', { exact: true }).fill(SPECIALIST_PASSWORD);
  await specialist.getByRole('button', { name: 'Sign in' }).click();
  await expect(specialist.getByText('No one is paired with you yet.')).toBeVisible();

  const relayFiles = readdirSync(relay.dir).map((name) => readFileSync(join(relay.dir, name)));
  expect(relayFiles.some((bytes) => bytes.includes(SENTINEL))).toBe(false);
  const origins = new Set(network.requested.map((url) => new URL(url).origin));
  expect([...origins].sort()).toEqual([BASE_URL, relay.url].sort());
});
