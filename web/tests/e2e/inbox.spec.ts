/**
 * The specialist's inbox, served by a real relay, in Debian's Chromium. The
 * inbox runs relay-protocol compiled to wasm; the participant here is a Rust
 * device on the same relay-protocol (relay/examples/participant.rs), so these
 * tests also prove the two ends interoperate both ways on the Olm channel.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { launchBrowser } from './browser';
import { filesContaining } from './diskScan';
import { checkScreen, NetworkLog } from './helpers';
import { inboxSecrets, Relay, ScriptedParticipant, SPECIALIST_PASSWORD } from './relay';

test.describe.configure({ mode: 'serial' });

const SENTINEL = `phxinbox${Date.now()}`;
const NEW_PASSWORD = 'another long inbox password';
let relay: Relay;
let profile: string;
let context: BrowserContext;
let page: Page;
const network = new NetworkLog();
let sam: ScriptedParticipant;
let alex: ScriptedParticipant;

/** A 30-day check-in summary with high cravings, as the participant's app shares it. */
const checkInSummary = {
  v: 1,
  key: 'check_ins',
  item: {
    kind: 'check_in_summary', days: 30, from: '2026-11-02', to: '2026-12-01', check_ins: 3,
    mood_average: 2.7, craving_average: 7.3, mood_scale_max: 5, craving_scale_max: 10,
    mood_trend: 'down', craving_trend: 'up', days_used: 1,
    halt: { hungry: 0, angry: 1, lonely: 2, tired: 3 },
    daily: [
      { date: '2026-11-20', mood: 3, craving: 6 },
      { date: '2026-11-25', mood: null, craving: null },
      { date: '2026-12-01', mood: 2, craving: 8 },
    ],
    notes: [],
  },
};

async function signIn(password = SPECIALIST_PASSWORD): Promise<void> {
  await page.goto(`${relay.url}/inbox`);
  await page.getByLabel('Username').fill('maria');
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as Maria R.')).toBeVisible();
}

/** A new invite: its code and the fingerprint shown beside it. */
async function invite(): Promise<{ code: string; fingerprint: string }> {
  await page.getByRole('button', { name: 'Create invite code' }).click();
  await expect(page.locator('#invite-code')).toHaveText(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
  await expect(page.locator('#invite-fingerprint')).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  return {
    code: (await page.locator('#invite-code').textContent()) ?? '',
    fingerprint: (await page.locator('#invite-fingerprint').textContent()) ?? '',
  };
}

test.beforeAll(async () => {
  // More sign-ins a minute than the default five: this file signs in often.
  relay = await Relay.start(['--logins-per-minute', '60']);
  relay.addSpecialist('maria', 'Maria R.');
  profile = mkdtempSync(join(tmpdir(), 'phoenix-inbox-profile-'));
  context = await launchBrowser(profile);
  network.watch(context);
  page = context.pages()[0] ?? (await context.newPage());
  sam = new ScriptedParticipant(relay);
  alex = new ScriptedParticipant(relay);
});

test.afterAll(async () => {
  await context.close();
  relay.stop();
  rmSync(profile, { recursive: true, force: true });
});

test('a specialist invites, reads and answers a participant; the Rust core and the wasm inbox interoperate both ways', async () => {
  await signIn();
  await checkScreen(page, 'inbox-signed-in');
  const { code, fingerprint } = await invite();
  await expect(page.getByRole('img', { name: 'The invite code and key fingerprint as a QR code' })).toBeVisible();

  // The participant refuses keys that do not match the invite's fingerprint.
  expect(() => sam.pair(code, 'AAAA-BBBB-CCCC-DDDD', 'Sam')).toThrow();
  expect(sam.pair((await invite()).code, fingerprint, 'Sam')).toBe('Maria R.');
  sam.send('I made it to the meeting');
  sam.send(`Thinking of using tonight ${SENTINEL}`);

  // The inbox polls; Sam appears with two new messages, opened here.
  await page.getByRole('button', { name: 'Sam (2 new)' }).click();
  await expect(page.getByText('I made it to the meeting')).toBeVisible();
  await expect(page.getByText(`Thinking of using tonight ${SENTINEL}`)).toBeVisible();
  // Both ends show the same verification code, and the key beside the name.
  await expect(page.locator('#verification-code')).toHaveText(sam.verificationCode());
  await expect(page.getByRole('button', { name: /^Sam · key [0-9A-Z]{4}-/ })).toBeVisible();
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

test('a message the relay drops shows as one that did not arrive', async () => {
  sam.sealWithoutSending('this one is lost');
  sam.send('are you still there?');
  await expect(page.getByText('are you still there?')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('A message did not arrive.')).toBeVisible();
});

test('the caseload puts whoever asked for help on top, marked in words until the specialist answers, with each one\'s last message time', async () => {
  const robin = new ScriptedParticipant(relay);
  expect(robin.pair((await invite()).code, (await page.locator('#invite-fingerprint').textContent()) ?? '', 'Robin')).toBe('Maria R.');
  robin.send("I'm struggling with cravings. Can we talk?");
  const caseload = page.getByRole('list', { name: 'Caseload' });
  const first = caseload.getByRole('listitem').first();
  await expect(first.getByRole('button')).toHaveAccessibleName(/^Robin \(1 new\) \(urgent\) Needs attention: asked for help/, { timeout: 15_000 });
  await expect(first.getByText(/^Last message /)).toBeVisible();
  await expect(caseload.getByRole('button', { name: /^Sam · key/ })).toContainText(/Last message /);
  await checkScreen(page, 'inbox-caseload');

  // Read, the mark stays: only an answer clears it.
  await first.getByRole('button').click();
  await expect(page.getByRole('button', { name: /^Robin Needs attention/ })).toBeVisible();
  await page.getByLabel('Reply').fill('Calling you now.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('button', { name: /^Robin · key/ })).toBeVisible();
  // Whoever wrote last is on top of the rest.
  sam.send('Meeting went fine');
  await expect(caseload.getByRole('listitem').first().getByRole('button')).toHaveAccessibleName(/^Sam \(1 new\)/, { timeout: 15_000 });
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: /^Robin/ }).click();
  await page.getByRole('button', { name: 'Unpair' }).click();
  await expect(page.getByRole('button', { name: /^Robin/ })).toBeHidden();
  await page.getByRole('button', { name: /^Sam/ }).click();
});

test('the participant panel shows the latest version of each shared item as a card; a high-craving summary marks the caseload; "Stop sharing" removes the card', async () => {
  const goal = (done: boolean[]) => ({
    v: 1,
    key: 'goal:7',
    item: {
      kind: 'goal',
      title: `Walk every day ${SENTINEL}`,
      why: 'To sleep better',
      status: 'active',
      target: '2026-12-31',
      steps: ['Buy shoes', 'Walk to the park', 'Walk with Ana'].map((title, index) => ({ title, done: done[index] })),
    },
  });
  sam.share(goal([true, false, false]));
  sam.share(goal([true, true, false]));
  sam.share(checkInSummary);
  sam.share({
    v: 1,
    key: 'safety_plan',
    item: { kind: 'safety_plan', steps: [{ step: 'warning_signs', entries: ['Skipping meals'] }, { step: 'people_to_ask', entries: ['Ana · 555-0100'] }] },
  });
  sam.share({
    v: 1,
    key: 'aftercare:referrals',
    item: { kind: 'aftercare', sections: [{ section: 'referrals', entries: [{ title: 'Hope Clinic', detail: 'Counseling · Mon–Fri 9–5', status: 'waitlisted' }] }] },
  });
  sam.share({ v: 1, key: 'barc10', item: { kind: 'barc10', score: 45, max: 60, taken_on: '2026-11-30' } });

  const panel = page.getByRole('region', { name: 'What Sam shares with you' });
  const card = (name: string | RegExp) => panel.getByRole('article', { name });
  await expect(card('What supports recovery (BARC-10)')).toContainText('Score 45 of 60', { timeout: 15_000 });
  // One card per item: the goal's second version replaced its first.
  await expect(panel.getByRole('article')).toHaveCount(5);
  const goalCard = card(`Goal: Walk every day ${SENTINEL}`);
  await expect(goalCard.getByRole('progressbar', { name: '2 of 3 steps done' })).toBeVisible();
  await expect(goalCard.getByRole('listitem')).toHaveText(['Done: Buy shoes', 'Done: Walk to the park', 'To do: Walk with Ana']);
  await expect(goalCard).toContainText(/Shared .*2026/);
  const summary = card('Check-ins, last 30 days');
  await expect(summary).toContainText('Craving: 7.3 of 10, going up');
  await expect(summary).toContainText('Times felt: hungry 0, angry 1, lonely 2, tired 3');
  await expect(summary.getByRole('table', { name: 'Check-ins by day' }).getByRole('row')).toHaveCount(4);
  await expect(card('Safety plan')).toContainText('People I can ask for help');
  await expect(card('Aftercare plan: Referrals')).toContainText('Status: Waitlisted');
  // The summary's high cravings put Sam on top, marked in words.
  const caseload = page.getByRole('list', { name: 'Caseload' });
  await expect(caseload.getByRole('listitem').first().getByRole('button')).toHaveAccessibleName(/^Sam Needs attention: high cravings in check-ins/);
  await checkScreen(page, 'inbox-panel');
  // Kept in the browser only sealed.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain(SENTINEL);

  sam.share({ v: 1, key: 'goal:7', item: { kind: 'stop_sharing' } });
  sam.share({ v: 1, key: 'check_ins', item: { kind: 'stop_sharing' } });
  await expect(goalCard).toBeHidden({ timeout: 15_000 });
  await expect(summary).toBeHidden();
  await expect(panel.getByRole('article')).toHaveCount(3);
  await expect(page.getByText(`Asked you to stop seeing “Goal: Walk every day ${SENTINEL}”.`)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Sam · key/ })).toBeVisible();
});

test('in Spanish the caseload and the panel speak Spanish, with Spanish plurals and dates, and what the participant wrote stays as written', async () => {
  // Until the specialist picks one, the page follows the browser's languages.
  const spanishBrowser = await context.newPage();
  await spanishBrowser.addInitScript(() => Object.defineProperty(navigator, 'languages', { get: () => ['es-MX', 'es'] }));
  await spanishBrowser.goto(`${relay.url}/inbox`);
  await expect(spanishBrowser.locator('html')).toHaveAttribute('lang', 'es');
  await expect(spanishBrowser.getByRole('button', { name: 'Iniciar sesión' })).toBeVisible();
  await expect(spanishBrowser.getByLabel('Idioma')).toHaveValue('es');
  await spanishBrowser.close();

  // The language the specialist picks, kept in this browser; the page says which it is.
  await page.getByLabel('Language').selectOption('es');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  const panel = page.getByRole('region', { name: 'Lo que Sam comparte contigo' });
  const card = (name: string) => panel.getByRole('article', { name });
  await expect(card('Plan de seguridad')).toContainText('Personas a quienes puedo pedir ayuda');
  const referrals = card('Plan de cuidado continuo: Referidos');
  await expect(referrals).toContainText('Estado: En lista de espera');
  await expect(referrals).toContainText('Hope Clinic');
  await expect(card('Lo que apoya su recuperación (BARC-10)')).toContainText('Resultado: 45 de 60, el 30 nov 2026');
  await expect(card('Lo que apoya su recuperación (BARC-10)')).toContainText(/Compartido .*2026/);

  // A new summary: the caseload's mark and the card, in Spanish.
  sam.share(checkInSummary);
  const summary = card('Registros diarios, últimos 30 días');
  await expect(summary).toContainText('3 registros diarios del 2 nov 2026 al 1 dic 2026.', { timeout: 15_000 });
  await expect(summary).toContainText('Ganas de consumir: 7.3 de 10, subiendo');
  await expect(summary).toContainText('Veces que sintió: hambre 0, enojo 1, soledad 2, cansancio 3');
  await expect(summary.getByRole('table', { name: 'Registros diarios por día' }).getByRole('columnheader')).toHaveText(['Fecha', 'Ánimo (de 5)', 'Ganas de consumir (de 10)']);
  const caseload = page.getByRole('list', { name: 'Casos' });
  await expect(caseload.getByRole('listitem').first().getByRole('button')).toHaveAccessibleName(
    /^Sam Necesita atención: muchas ganas de consumir en sus registros diarios · clave [0-9A-Z]{4}-.*Último mensaje: /,
  );
  await expect(page.getByRole('heading', { name: 'Conversación con Sam' })).toBeVisible();
  // This summary's line, and the earlier one worded again in the new language.
  await expect(page.getByText('Compartió “Registros diarios, últimos 30 días”.')).toHaveCount(2);
  await expect(page.getByText(`Te pidió dejar de ver “Meta: Walk every day ${SENTINEL}”.`)).toBeVisible();
  await checkScreen(page, 'inbox-caseload-panel-es');

  // A reload keeps the choice; back to English for the tests after this one.
  await page.reload();
  await expect(page.getByRole('heading', { name: /Inicia sesión otra vez, Maria R\./ })).toBeVisible();
  await page.getByLabel('Idioma').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await signIn();
  await page.getByRole('button', { name: /^Sam/ }).click();
});

test('a delivered letter is deleted from the relay even after a lost acknowledgement, and the inbox\'s stored keys cannot open it again', async () => {
  // The letter as the relay handed it to the inbox, captured on the way.
  const captured = new Promise<{ from: string; ciphertext: string }>((resolve) => {
    page.on('response', async (response) => {
      if (!response.url().includes('/v1/messages?after=') || !response.ok()) return;
      const { messages } = (await response.json()) as { messages: { message: { from: string; ciphertext: string } }[] };
      for (const { message } of messages) resolve(message);
    });
  });
  // The first acknowledgement is lost on the way.
  let lost = 0;
  await page.route('**/v1/messages/ack', (route) => (lost++ === 0 ? route.abort() : route.continue()));
  sam.send('forward secrecy check');
  await expect(page.getByText('forward secrecy check')).toBeVisible({ timeout: 15_000 });
  const letter = await captured;
  const ciphertext = letter.ciphertext.slice(0, 64);
  // The next poll acknowledges it again, and the relay erases it.
  await expect.poll(() => lost, { timeout: 15_000 }).toBeGreaterThan(1);
  await expect.poll(() => filesContaining(relay.dir, ciphertext), { timeout: 15_000 }).toEqual([]);
  await page.unroute('**/v1/messages/ack');

  // Someone with this browser's storage and the password: the inbox's own
  // code opens the stored state, and it cannot open the captured letter.
  const opened = await page.evaluate(
    async ({ password, letter, code }) => {
      const wasm = await import(code);
      await wasm.default();
      const { salt } = await (await fetch('/inbox/api/salt?username=maria')).json();
      const keys = wasm.unlock(password, salt);
      const inbox = wasm.Inbox.open(keys, localStorage.getItem('phoenix-inbox-state:maria') ?? '');
      try {
        return JSON.parse(inbox.receive(letter.from, JSON.stringify(letter))).kind as string;
      } catch {
        return 'refused';
      } finally {
        inbox.free();
      }
    },
    { password: SPECIALIST_PASSWORD, letter: await captured, code: '/inbox/pkg/inbox.js' },
  );
  expect(['duplicate', 'refused']).toContain(opened);
});

test('a participant whose identity key changed is flagged, and sending stops until the specialist confirms', async () => {
  expect(alex.pair((await invite()).code, (await page.locator('#invite-fingerprint').textContent()) ?? '', 'Alex')).toBe('Maria R.');
  alex.send('hello from Alex');
  await page.getByRole('button', { name: /^Alex/ }).click();
  await expect(page.getByText('hello from Alex')).toBeVisible({ timeout: 15_000 });
  const code = (await page.locator('#verification-code').textContent()) ?? '';

  // A relay that swaps Alex's identity for another (its database edited).
  relay.swapIdentity('Alex', 'Sam');
  await expect(page.getByRole('alert').filter({ hasText: "Alex's security key changed" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /^Alex.*\(key changed\)/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Send' })).toBeDisabled();
  await expect(page.locator('#verification-code')).not.toHaveText(code);

  await page.getByRole('button', { name: 'I compared the code; continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'security key changed' })).toBeHidden();
});

test('the browser profile holds no message text, password or password-derived secret', async () => {
  const secrets = inboxSecrets('maria');
  // Closing the browser writes everything it keeps to disk; then every file is read.
  await context.close();
  for (const needle of [SENTINEL, 'Proud of you', SPECIALIST_PASSWORD, secrets.unwrap, secrets.login]) {
    expect(filesContaining(profile, needle), 'nothing secret on disk').toEqual([]);
  }
  context = await launchBrowser(profile);
  network.watch(context);
  page = context.pages()[0] ?? (await context.newPage());
});

test('changing the password re-seals the keys: the new one opens the same conversation', async () => {
  await signIn();
  await page.getByLabel('Current password').fill(SPECIALIST_PASSWORD);
  await page.getByLabel('New password (at least 12 characters)').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password is changed.')).toBeVisible();
  await page.reload();
  await signIn(NEW_PASSWORD);
  await page.getByRole('button', { name: /^Sam/ }).click();
  await expect(page.getByText('I made it to the meeting')).toBeVisible();
});

test('a wrong password is refused, and unpairing stops the participant from writing', async () => {
  const other = await context.newPage();
  await other.goto(`${relay.url}/inbox`);
  await other.getByLabel('Username').fill('maria');
  await other.getByLabel('Password', { exact: true }).fill('not the password');
  await other.getByRole('button', { name: 'Sign in' }).click();
  await expect(other.getByRole('alert')).toHaveText('the username or password is not right');
  // The refusal in the page's language, from the relay's error code.
  await other.getByLabel('Language').selectOption('es');
  await other.getByRole('button', { name: 'Iniciar sesión' }).click();
  await expect(other.getByRole('alert')).toHaveText('el usuario o la contraseña no son correctos');
  await other.close();

  for (const name of [/^Sam/, /^Alex/]) {
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name }).click();
    await page.getByRole('button', { name: 'Unpair' }).click();
    await expect(page.getByRole('button', { name })).toBeHidden();
  }
  await expect(page.getByText('No one is paired with you yet.')).toBeVisible();
  expect(() => sam.send('are you there?')).toThrow();
});
