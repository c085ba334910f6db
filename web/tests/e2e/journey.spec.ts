/**
 * A participant's whole journey, in Debian's Chromium against the release
 * build: the page renders the Rust core's view models; the core and its
 * vault run in a worker (wasm), persisted in OPFS. One browser profile,
 * tests in order.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { bytesUnder, filesContaining } from './diskScan';
import { checkScreen, go, measured, NetworkLog, openApp, workerUnlockMeasure } from './helpers';

const PASSCODE = 'correct horse battery';
const unique = `${Date.now()}${Math.random().toString(36).slice(2, 8)}`;
/** Typed into a goal, a trigger, a check-in note and the aftercare plan; never on disk in the clear. */
const SENTINEL = {
  goal: `phxgoal${unique}`,
  trigger: `phxtrigger${unique}`,
  note: `phxnote${unique}`,
  plan: `phxplan${unique}`,
};
const GOAL = `Get my license back ${SENTINEL.goal}`;
const TRIGGER = `Payday evening ${SENTINEL.trigger}`;
/** The first bytes of every SQLite database (and of a WAL's copy of page 1). */
const SQLITE_HEADER = 'SQLite format 3';

let profile: string;
const network = new NetworkLog();

function opfsFilesContaining(needle: string): string[] {
  return filesContaining(profile, needle).filter((path) => path.includes('File System'));
}

async function unlock(page: Page, passcode: string): Promise<void> {
  await page.getByLabel('Passcode', { exact: true }).fill(passcode);
  await page.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today', exact: true })).toBeVisible();
}

/** The device key as IndexedDB holds it (`null` when there is none): can script export it, what may it do. */
async function storedDeviceKey(page: Page): Promise<{ extractable: boolean; usages: string[] } | null> {
  return page.evaluate(async () => {
    // Probed without creating the database, which would leave it without its store.
    if (!(await indexedDB.databases()).some((db) => db.name === 'phoenix-device-key')) return null;
    return new Promise<{ extractable: boolean; usages: string[] } | null>((resolve, reject) => {
      const request = indexedDB.open('phoenix-device-key');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const get = db.transaction('keys').objectStore('keys').get('device');
        get.onerror = () => reject(get.error);
        get.onsuccess = () => {
          const key = get.result as CryptoKey | undefined;
          db.close();
          resolve(key ? { extractable: key.extractable, usages: [...key.usages] } : null);
        };
      };
    });
  });
}

/** A copy of the closed browser profile without its IndexedDB (where the device key lives): OPFS and all else kept. */
function copyProfileWithoutIndexedDb(): string {
  const copy = mkdtempSync(join(tmpdir(), 'phoenix-profile-copy-'));
  cpSync(profile, copy, { recursive: true, filter: (path) => !basename(path).startsWith('Singleton') });
  const removed: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name === 'IndexedDB') {
        rmSync(path, { recursive: true, force: true });
        removed.push(path);
      } else walk(path);
    }
  };
  walk(copy);
  expect(removed.length, 'the profile had an IndexedDB').toBeGreaterThan(0);
  return copy;
}

async function expectLocked(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Enter your passcode' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
}

/** Everything the journey saved is shown again. */
async function expectEverythingThere(page: Page): Promise<void> {
  await go(page, 'Goals', 'Goals');
  await expect(page.getByRole('heading', { name: GOAL })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Book the written test' })).toBeChecked();
  await go(page, 'Triggers and coping', 'Triggers and coping');
  await expect(page.getByText(TRIGGER).first()).toBeVisible();
  await go(page, 'Check-in', 'Daily check-in');
  await expect(page.getByLabel('Note', { exact: true })).toHaveValue(SENTINEL.note);
  await go(page, 'Aftercare plan', 'My aftercare plan');
  await expect(page.getByText('County Housing Office').first()).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Warning signs' })).toHaveValue(`Skipping meals ${SENTINEL.plan}`);
  await go(page, 'Safety plan', 'My safety plan');
  // It opens to use now; editing is one tap away.
  await expect(page.getByRole('main').getByText('Not sleeping')).toBeVisible();
  await page.getByRole('button', { name: 'Edit my safety plan' }).click();
  await expect(page.getByLabel('1. Warning signs that a crisis may be starting')).toHaveValue('Not sleeping');
  await go(page, 'Contact my peer', 'Contact my peer');
  await expect(page.getByRole('link', { name: 'Call Dana Cruz', exact: true })).toHaveAttribute('href', 'tel:5550102030');
}

test.describe.serial('a participant in the browser', () => {
  test.beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'phoenix-profile-'));
  });

  test.afterAll(() => {
    rmSync(profile, { recursive: true, force: true });
  });

  test('first run to the whole plan: goals, triggers, I\'m triggered, check-in, aftercare, safety, contact', async () => {
    const { context, page } = await open();
    await expect(page.getByRole('heading', { name: 'Welcome to Phoenix' })).toBeVisible();
    await checkScreen(page, 'first-run');
    await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
    await page.getByLabel('Passcode again').fill(PASSCODE);
    const started = Date.now();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today', exact: true })).toBeVisible();
    measured('first run: create the vault (KDF + schema), click to Today', Date.now() - started);
    await expect(page.getByRole('button', { name: "I'm triggered", exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Contact my peer', exact: true })).toBeVisible();

    const recoveryDate = page.getByRole('form', { name: 'Recovery date' });
    await recoveryDate.getByLabel('Recovery date').fill('2026-01-15');
    await recoveryDate.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/^Current stretch: \d+ days$/)).toBeVisible();
    await checkScreen(page, 'today');

    // A goal with two steps; one done.
    await go(page, 'Goals', 'Goals');
    const addGoal = page.getByRole('form', { name: 'Add goal' });
    await addGoal.getByLabel('Title').fill(GOAL);
    await addGoal.getByLabel('Why it matters').fill('To drive to work');
    await addGoal.getByRole('button', { name: 'Add goal', exact: true }).click();
    await expect(page.getByRole('heading', { name: GOAL })).toBeVisible();
    const addStep = page.getByRole('form', { name: `Add step: ${GOAL}` });
    for (const step of ['Book the written test', 'Pay the fine']) {
      await addStep.getByLabel('Step').fill(step);
      await addStep.getByRole('button', { name: 'Add step', exact: true }).click();
      await expect(page.getByRole('checkbox', { name: step })).toBeVisible();
    }
    await page.getByRole('checkbox', { name: 'Book the written test' }).click();
    await expect(page.getByRole('checkbox', { name: 'Book the written test' })).toBeChecked();
    await expect(page.getByText('50% of steps done').first()).toBeVisible();
    await checkScreen(page, 'goals');

    // A trigger and two coping strategies linked to it.
    await go(page, 'Triggers and coping', 'Triggers and coping');
    const addTrigger = page.getByRole('form', { name: 'Add trigger' });
    await addTrigger.getByLabel('Name').fill(TRIGGER);
    await addTrigger.getByRole('button', { name: 'Add trigger', exact: true }).click();
    await expect(page.getByText(TRIGGER).first()).toBeVisible();
    const addStrategy = page.getByRole('form', { name: 'Add coping strategy' });
    for (const strategy of ['Call my sponsor', 'Walk the long way home']) {
      await addStrategy.getByLabel('Name').fill(strategy);
      await addStrategy.getByRole('checkbox', { name: TRIGGER }).check();
      await addStrategy.getByRole('button', { name: 'Add coping strategy', exact: true }).click();
      await expect(page.getByRole('listitem').filter({ hasText: strategy }).first()).toBeVisible();
    }
    await checkScreen(page, 'triggers');

    // I'm triggered: the trigger, craving 8, try a strategy, craving 3.
    await page.getByRole('button', { name: "I'm triggered", exact: true }).click();
    await page.getByRole('button', { name: TRIGGER, exact: true }).click();
    await page.getByRole('slider', { name: 'Craving (0 to 10)' }).fill('8');
    await page.getByRole('button', { name: 'Continue' }).click();
    // Checkboxes show the core's state: click, then wait for the new view model.
    await page.getByRole('checkbox', { name: /^Call my sponsor/ }).click();
    await expect(page.getByRole('checkbox', { name: /^Call my sponsor/ })).toBeChecked();
    await checkScreen(page, 'im-triggered');
    await page.getByRole('slider', { name: 'Craving (0 to 10)' }).fill('3');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved. You got through it.')).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await go(page, 'Triggers and coping', 'Triggers and coping');
    await expect(page.getByText(/Call my sponsor: Made the craving 5(\.0)? points weaker/)).toBeVisible();

    // Daily check-in.
    await go(page, 'Check-in', 'Daily check-in');
    await page.getByRole('slider', { name: 'Mood (1 to 5)' }).fill('4');
    await page.getByLabel('Note', { exact: true }).fill(SENTINEL.note);
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Save', exact: true }).first()).toBeVisible();
    await checkScreen(page, 'check-in');
    await go(page, 'Trends', 'Trends');
    await expect(page.getByRole('img', { name: /By week/ })).toBeVisible();
    // From the first check-in: a one-line summary above the charts, and a dot for it on each.
    await expect(page.getByText(/^Craving: \d+ in the last 30 days$/)).toBeVisible();
    await expect(page.getByText(/^Mood: \d+ in the last 30 days$/)).toBeVisible();
    await expect(page.getByText(/^Craving: \d+ in the last 7 days$/)).toBeVisible();
    await expect(page.getByRole('img', { name: /By week/ }).locator('rect')).toHaveCount(1);
    await expect(page.getByRole('img', { name: /By month/ }).locator('circle')).toHaveCount(1);
    await checkScreen(page, 'trends');

    // Aftercare: a referral, a document, an appointment, the plan, exports.
    await go(page, 'Aftercare plan', 'My aftercare plan');
    const referral = page.getByRole('form', { name: 'Add referral' });
    await referral.getByLabel('Type of service').selectOption({ label: 'Emergency housing' });
    await referral.getByLabel('Organization').fill('County Housing Office');
    await referral.getByRole('button', { name: 'Add referral' }).click();
    await expect(page.getByText('County Housing Office').first()).toBeVisible();
    const documentForm = page.getByRole('form', { name: 'Add document' });
    await documentForm.getByLabel('Document').selectOption({ label: 'Birth certificate' });
    await documentForm.getByRole('button', { name: 'Add document' }).click();
    await expect(page.getByRole('listitem').filter({ hasText: 'Birth certificate' })).toBeVisible();
    const appointment = page.getByRole('form', { name: 'Add appointment' });
    await appointment.getByLabel('Title').fill('Intake at the clinic');
    await appointment.getByLabel('Date and time').fill('2026-12-01T10:30');
    await appointment.getByLabel('Place').fill('Main St clinic');
    await appointment.getByRole('button', { name: 'Add appointment' }).click();
    await expect(page.getByText('Intake at the clinic')).toBeVisible();
    const plan = page.getByRole('form', { name: 'Warning signs' });
    await plan.getByRole('textbox', { name: 'Warning signs' }).fill(`Skipping meals ${SENTINEL.plan}`);
    await plan.getByRole('button', { name: 'Save' }).click();
    const planDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Share my aftercare plan' }).click();
    expect((await planDownload).suggestedFilename()).toMatch(/\.md$/);
    const calendarDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Add appointments to my calendar' }).click();
    const calendar = await calendarDownload;
    expect(calendar.suggestedFilename()).toMatch(/\.ics$/);
    await checkScreen(page, 'aftercare');

    // Safety plan.
    await go(page, 'Safety plan', 'My safety plan');
    await page.getByLabel('1. Warning signs that a crisis may be starting').fill('Not sleeping');
    await page.getByRole('button', { name: 'Add: 4. People I can ask for help' }).click();
    await page.getByRole('group', { name: '4. People I can ask for help' }).getByLabel('Name').fill('Aunt Rosa');
    await page.getByRole('group', { name: '4. People I can ask for help' }).getByLabel('Phone').fill('555 0110');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('link', { name: '555 0110' })).toHaveAttribute('href', 'tel:5550110');
    await checkScreen(page, 'safety-plan');

    // The specialist, then the phone's links with a template.
    await page.getByRole('button', { name: 'Contact my peer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contact my peer' })).toBeVisible();
    const specialist = page.getByRole('form', { name: 'My peer specialist' });
    await specialist.getByLabel('Name').fill('Dana Cruz');
    await specialist.getByLabel('Phone').fill('(555) 010-2030');
    await specialist.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('link', { name: 'Call Dana Cruz', exact: true })).toHaveAttribute('href', 'tel:5550102030');
    await expect(page.getByRole('link', { name: 'Text: Can you call me?' })).toHaveAttribute(
      'href',
      /^sms:5550102030[?&]body=Can%20you%20call%20me%3F$/,
    );
    await checkScreen(page, 'contact');

    await go(page, 'Settings', 'Settings');
    await checkScreen(page, 'settings');
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expectLocked(page);
    await checkScreen(page, 'lock');
    await context.close();
  });

  test('reload and browser restart: locked; the passcode opens everything; a wrong one is refused', async () => {
    let { context, page } = await open();
    await expectLocked(page);
    await unlock(page, PASSCODE);
    await page.reload();
    await expectLocked(page);
    await unlock(page, PASSCODE);
    await expectEverythingThere(page);
    await context.close();

    ({ context, page } = await open());
    await expectLocked(page);
    await page.getByLabel('Passcode', { exact: true }).fill('not the passcode');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(/did not work/);
    await expectLocked(page);

    // Navigation to an unlocked Today, the KDF included.
    const navigationStarted = Date.now();
    await page.goto('/');
    await unlock(page, PASSCODE);
    measured('navigation to an unlocked Today (load, wasm, KDF, decrypt)', Date.now() - navigationStarted);
    measured('unlock in the worker, its two wasm calls (passcode, then device secret: KDF + load + view)', await workerUnlockMeasure(page));
    await expectEverythingThere(page);
    await context.close();
  });

  test('Spanish: the same screens, in Spanish', async () => {
    const { context, page } = await open();
    await unlock(page, PASSCODE);
    await go(page, 'Settings', 'Settings');
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
    await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByRole('button', { name: 'Estoy en un momento difícil' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Contactar a mi especialista de pares' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Bloquear ahora' })).toBeVisible();
    await go(page, 'Metas', 'Metas');
    await expect(page.getByRole('button', { name: 'Agregar meta' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Agregar paso' })).toBeVisible();
    await checkScreen(page, 'goals-es');
    await go(page, 'Detonantes y cómo enfrentarlos', 'Detonantes y cómo enfrentarlos');
    await expect(page.getByRole('button', { name: 'Agregar detonante' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Agregar estrategia' })).toBeVisible();
    await go(page, 'Registro diario', 'Registro diario');
    await expect(page.getByRole('button', { name: 'Guardar', exact: true }).first()).toBeVisible();
    await go(page, 'Plan de cuidado continuo', 'Mi plan de cuidado continuo');
    await expect(page.getByRole('button', { name: 'Agregar cita' })).toBeVisible();
    await go(page, 'Hoy', 'Hoy');
    await expect(page.getByText(/^Racha actual: \d+ días$/)).toBeVisible();
    await checkScreen(page, 'today-es');
    await go(page, 'Configuración', 'Configuración');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
    await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    await context.close();
  });

  test('an encrypted backup file: exported, refused with the wrong passphrase, restored with the right one', async () => {
    const { context, page } = await open();
    await unlock(page, PASSCODE);
    await go(page, 'Settings', 'Settings');
    const exportForm = page.getByRole('form', { name: 'Save a backup copy' });
    await exportForm.getByLabel('Backup password').fill('backup words 42');
    const download = page.waitForEvent('download');
    await exportForm.getByRole('button', { name: 'Save a backup copy' }).click();
    const backup = join(profile, '..', `${basename(profile)}-backup`);
    await (await download).saveAs(backup);
    const backupBytes = readFileSync(backup);
    expect(backupBytes.length).toBeGreaterThan(0);
    expect(backupBytes.includes(Buffer.from(GOAL)), 'the backup file is encrypted').toBe(false);

    // Something added after the backup, then the backup restored.
    await go(page, 'Goals', 'Goals');
    // With goals on the list, "Add goal" under them opens the form.
    await page.getByRole('button', { name: 'Add goal', exact: true }).click();
    const addGoal = page.getByRole('form', { name: 'Add goal' });
    await expect(addGoal.getByLabel('Title')).toBeFocused();
    await addGoal.getByLabel('Title').fill('Added after the backup');
    await addGoal.getByRole('button', { name: 'Add goal', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Added after the backup' })).toBeVisible();
    await go(page, 'Settings', 'Settings');
    const importForm = page.getByRole('form', { name: 'Restore from a backup copy' });
    await importForm.getByLabel('Backup file').setInputFiles(backup);
    await importForm.getByLabel('Backup password').fill('not the words');
    await importForm.getByRole('button', { name: 'Restore from a backup copy' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await go(page, 'Goals', 'Goals');
    await expect(page.getByRole('heading', { name: 'Added after the backup' }), 'a refused backup changes nothing').toBeVisible();

    await go(page, 'Settings', 'Settings');
    await importForm.getByLabel('Backup file').setInputFiles(backup);
    await importForm.getByLabel('Backup password').fill('backup words 42');
    await importForm.getByRole('button', { name: 'Restore from a backup copy' }).click();
    await go(page, 'Goals', 'Goals');
    await expect(page.getByRole('heading', { name: GOAL })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Added after the backup' })).toHaveCount(0);
    rmSync(backup);
    await context.close();
  });

  test('no plaintext at rest: the browser profile on disk holds no sentinel and no passcode', async () => {
    // The browser is closed: everything it keeps is on disk now.
    expect(bytesUnder(profile, 'File System'), 'OPFS holds the vault').toBeGreaterThan(0);
    expect(opfsFilesContaining(SQLITE_HEADER).length, 'the vault database is in OPFS').toBeGreaterThan(0);
    for (const sentinel of [...Object.values(SENTINEL), PASSCODE]) {
      expect(filesContaining(profile, sentinel)).toEqual([]);
    }
    // Control: the same scan does find what the browser keeps in the clear.
    expect(filesContaining(profile, new URL(BASE_URL).host).length).toBeGreaterThan(0);
  });

  test('works offline after the first load', async () => {
    const { context, page } = await open();
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await context.setOffline(true);
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await expectLocked(page);
    await unlock(page, PASSCODE);
    await go(page, 'Goals', 'Goals');
    await expect(page.getByRole('heading', { name: GOAL })).toBeVisible();
    await context.close();
  });

  test('a second tab is told storage is in use, and the first keeps working', async () => {
    const { context, page } = await open();
    await expectLocked(page);
    const second = await context.newPage();
    await second.goto('/');
    await expect(second.getByRole('heading', { name: 'Phoenix cannot open its storage' })).toBeVisible();
    await unlock(page, PASSCODE);
    await context.close();
  });

  test('a crash in the core is followed by a working, locked app with nothing lost', async () => {
    const { context, page } = await open();
    await unlock(page, PASSCODE);
    // Test-only, injected from here and absent from the build: the worker's
    // next call into the core throws as a trapped wasm instance does.
    const [worker] = page.workers();
    await worker.evaluate(() => {
      const now = performance.now.bind(performance);
      performance.now = () => {
        performance.now = now;
        throw new WebAssembly.RuntimeError('unreachable');
      };
    });
    await page.getByRole('navigation').getByRole('link', { name: 'Goals', exact: true }).click();
    await expectLocked(page);
    await unlock(page, PASSCODE);
    await expectEverythingThere(page);
    await context.close();
  });

  test('the vault file copied to a browser without this one\'s device key does not open with the passcode', async () => {
    const copy = copyProfileWithoutIndexedDb();
    try {
      const { context, page } = await openApp(copy, network);
      await expectLocked(page);
      await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
      await page.getByRole('button', { name: 'Unlock', exact: true }).click();
      // Its attempt counter carries the other browser's MAC: the longest wait, and no way in.
      await expect(page.getByText('Too many attempts. Try again in 900 seconds.').first()).toBeVisible();
      await expectLocked(page);
      await context.close();
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('erase everything frees the vault: OPFS holds no database page afterwards', async () => {
    let { context, page } = await open();
    await unlock(page, PASSCODE);
    expect(await storedDeviceKey(page), 'the device key: in IndexedDB, never exportable').toEqual({
      extractable: false,
      usages: ['sign'],
    });
    await go(page, 'Settings', 'Settings');
    await page.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByRole('button', { name: 'Yes, erase everything' }).click();
    await expect(page.getByRole('heading', { name: 'Welcome to Phoenix' })).toBeVisible();
    expect(await storedDeviceKey(page), 'erase destroyed the device key').toBeNull();
    await context.close();

    expect(opfsFilesContaining(SQLITE_HEADER)).toEqual([]);
    for (const sentinel of Object.values(SENTINEL)) expect(filesContaining(profile, sentinel)).toEqual([]);

    ({ context, page } = await open());
    await expect(page.getByRole('heading', { name: 'Welcome to Phoenix' })).toBeVisible();
    await context.close();
  });

  // Last: covers every launch above.
  test('no request leaves the page origin', () => {
    expect(network.requested.length).toBeGreaterThan(0);
    const foreign = network.requested.filter((url) => new URL(url).origin !== BASE_URL);
    expect(foreign).toEqual([]);
    expect(network.blockedByPolicy, 'nothing even tried to reach elsewhere').toEqual([]);
  });
});

function open() {
  return openApp(profile, network);
}
