/**
 * The flows a participant reaches for in a hard moment, on a phone-sized
 * screen (390×844), in English and Spanish: help that works while "I'm
 * triggered" is open, honest craving ratings, a check-in that reopens as
 * saved, a kind answer to a lapse, saves that are announced, errors at
 * their field, a safety plan to use now, Contact my peer without a
 * specialist, a calendar file an independent parser reads, and the lock
 * screen in the chosen language. A profile of its own, in New York's time
 * zone (so a local time passed off as UTC would show).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { launchBrowser } from './browser';
import { go } from './helpers';

const PASSCODE = 'steady river 42';
const PHONE_SCREEN = { width: 390, height: 844 };
const TRIGGER = 'Payday evening';
const STRATEGY = 'Walk the long way home';

let profile: string;

async function open(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchBrowser(profile, { viewport: PHONE_SCREEN, timeZone: 'America/New_York' });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto('/');
  return { context, page };
}

async function unlock(page: Page, label = 'Passcode', button = 'Unlock', heading = 'Today'): Promise<void> {
  await page.getByLabel(label, { exact: true }).fill(PASSCODE);
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
}

/** The app's confirmation of a save: a polite live region. */
function announced(page: Page) {
  return page.locator('p.status[role="status"]');
}

/** I'm triggered → the trigger → a first rating. */
async function startFlow(page: Page, rating: string, words = { triggered: "I'm triggered", craving: 'Craving (0 to 10)', next: 'Continue' }) {
  await page.getByRole('banner').getByRole('button', { name: words.triggered, exact: true }).click();
  await page.getByRole('button', { name: TRIGGER, exact: true }).click();
  await page.getByRole('slider', { name: words.craving }).fill(rating);
  await page.getByRole('button', { name: words.next }).click();
}

test.describe.serial('a participant in a hard moment, on a phone', () => {
  test.beforeAll(() => {
    profile = mkdtempSync(join(tmpdir(), 'phoenix-hard-moments-'));
  });

  test.afterAll(() => {
    rmSync(profile, { recursive: true, force: true });
  });

  test("Contact my peer starts with adding a number; then the preferred way leads, removing a message can be undone, and the peer's details open from Edit", async () => {
    const { context, page } = await open();
    await page.getByLabel('Passcode', { exact: true }).fill(PASSCODE);
    await page.getByLabel('Passcode again').fill(PASSCODE);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Today', exact: true })).toBeVisible();

    await page.getByRole('banner').getByRole('button', { name: 'Contact my peer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contact my peer' })).toBeVisible();
    const main = page.getByRole('main');
    // First on the screen: adding the peer, then the crisis line.
    await expect(main.getByRole('heading', { level: 2 }).first()).toHaveText("Add your peer specialist's number");
    await expect(main.getByRole('link', { name: 'Call the crisis line (988)' })).toHaveAttribute('href', 'tel:988');
    await expect(main.getByRole('link', { name: 'Text the crisis line (988)' })).toHaveAttribute('href', 'sms:988');

    const specialist = page.getByRole('form', { name: 'My peer specialist' });
    await specialist.getByLabel('Name').fill('Dana');
    await specialist.getByLabel('Phone').fill('(555) 010-2030');
    await specialist.getByLabel('Best way to reach them').selectOption({ label: 'A text' });
    await specialist.getByRole('button', { name: 'Save' }).click();
    await expect(announced(page)).toHaveText('Saved.');
    // "Prefers a text": Text is the main button, first.
    const first = main.locator('a.big-action').first();
    await expect(first).toHaveText('Text Dana');
    await expect(first).toHaveAttribute('href', 'sms:5550102030');
    await expect(main.getByRole('link', { name: 'Call Dana' })).toHaveAttribute('href', 'tel:5550102030');

    // Quick messages are large buttons; Remove only in edit mode, with undo.
    const quick = main.getByRole('link', { name: 'Text: Can you call me?' });
    await expect(quick).toHaveClass(/big-action/);
    await expect(main.getByRole('button', { name: 'Remove: Can you call me?' })).toHaveCount(0);
    await main.getByRole('button', { name: 'Edit quick messages' }).click();
    await main.getByRole('button', { name: 'Remove: Can you call me?' }).click();
    await expect(quick).toHaveCount(0);
    await main.getByRole('button', { name: 'Undo' }).click();
    await expect(quick).toBeVisible();

    // List first: once the peer is saved, their details are no longer a form on the screen;
    // "Edit" on the peer opens it in place (focus in it), Cancel folds it again.
    await expect(specialist).toHaveCount(0);
    const edit = main.getByRole('button', { name: 'Edit: My peer specialist' });
    await edit.click();
    await expect(specialist.getByLabel('Name')).toBeFocused();
    await expect(specialist.getByLabel('Name')).toHaveValue('Dana');
    await specialist.getByRole('button', { name: 'Cancel' }).click();
    await expect(specialist).toHaveCount(0);
    await expect(edit).toBeFocused();

    // A trigger and a strategy for the flow.
    await go(page, 'Triggers and coping', 'Triggers and coping');
    const addTrigger = page.getByRole('form', { name: 'Add trigger' });
    await addTrigger.getByLabel('Name').fill(TRIGGER);
    await addTrigger.getByRole('button', { name: 'Add trigger', exact: true }).click();
    await expect(announced(page)).toHaveText('Saved.');
    const addStrategy = page.getByRole('form', { name: 'Add coping strategy' });
    await addStrategy.getByLabel('Name').fill(STRATEGY);
    await addStrategy.getByRole('checkbox', { name: TRIGGER }).check();
    await addStrategy.getByRole('button', { name: 'Add coping strategy', exact: true }).click();
    await expect(page.getByRole('listitem').filter({ hasText: STRATEGY }).first()).toBeVisible();
    await context.close();
  });

  test("I'm triggered, still high: the panel's buttons reach the peer, the crisis line and the safety plan in one tap", async () => {
    const { context, page } = await open();
    await unlock(page);
    await startFlow(page, '9');
    // Nothing has helped yet: no "These have helped you before".
    await expect(page.getByText('Pick something to try, then rate the craving again.')).toBeVisible();
    await page.getByRole('checkbox', { name: new RegExp(`^${STRATEGY}`) }).click();
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${STRATEGY}`) })).toBeChecked();
    // The second rating starts at the first.
    await expect(page.getByRole('slider', { name: 'Craving (0 to 10)' })).toHaveValue('9');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText("The craving is still strong. You do not have to do this alone.")).toBeVisible();
    await expect(page.getByText('Saved. You got through it.')).toHaveCount(0);
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Text Dana' })).toHaveAttribute('href', /^sms:5550102030\?body=/);
    await expect(main.getByRole('link', { name: 'Call Dana' })).toHaveAttribute('href', 'tel:5550102030');
    await expect(main.getByRole('link', { name: 'Call the crisis line (988)' })).toHaveAttribute('href', 'tel:988');
    await expect(main.getByRole('link', { name: 'Text the crisis line (988)' })).toHaveAttribute('href', 'sms:988');
    await expect(main.getByRole('button', { name: 'Try another strategy' })).toBeVisible();
    // Contact my peer and the safety plan are the two biggest things on screen.
    const sizes = await main.locator('a, button').evaluateAll((elements) =>
      elements.map((element) => {
        const box = element.getBoundingClientRect();
        return { name: element.textContent?.trim() ?? '', area: box.width * box.height };
      }),
    );
    const biggest = sizes.sort((a, b) => b.area - a.area).slice(0, 2).map((size) => size.name);
    expect(biggest.sort()).toEqual(['Contact my peer', 'My safety plan']);
    // One tap to the safety plan.
    await main.getByRole('button', { name: 'My safety plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();

    // Try another strategy: back to the strategies, from the last rating.
    await startFlow(page, '8');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('button', { name: 'Try another strategy' }).click();
    await expect(page.getByRole('slider', { name: 'Craving (0 to 10)' })).toHaveValue('8');
    // The header's Contact my peer works while the flow is open.
    await page.getByRole('banner').getByRole('button', { name: 'Contact my peer', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Contact my peer' })).toBeVisible();
    // And so does the navigation.
    await startFlow(page, '6');
    await go(page, 'Goals', 'Goals');

    // An unmoved second rating credits nothing and claims nothing.
    await startFlow(page, '5');
    await page.getByRole('checkbox', { name: new RegExp(`^${STRATEGY}`) }).click();
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${STRATEGY}`) })).toBeChecked();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText(/^Saved\. Cravings rise and fall/)).toBeVisible();
    await page.getByRole('button', { name: 'Close' }).click();
    await go(page, 'Triggers and coping', 'Triggers and coping');
    await expect(page.getByText(/Made the craving .* weaker/)).toHaveCount(0);
    await context.close();
  });

  test("today's check-in reopens with every answer as saved; a strong craving offers I'm triggered", async () => {
    const { context, page } = await open();
    await unlock(page);
    await go(page, 'Check-in', 'Daily check-in');
    await page.getByRole('slider', { name: 'Mood (1 to 5)' }).fill('2');
    await page.getByRole('slider', { name: 'Craving (0 to 10)' }).fill('7');
    await page.getByRole('checkbox', { name: 'Hungry' }).check();
    await page.getByRole('checkbox', { name: 'Tired' }).check();
    await page.getByLabel('Hours of sleep').fill('5');
    await page.getByRole('radio', { name: 'No', exact: true }).check();
    await page.getByLabel('Note', { exact: true }).fill('Rough day at work');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await expect(announced(page)).toHaveText('Saved.');

    await go(page, 'Today', 'Today');
    await go(page, 'Check-in', 'Daily check-in');
    const expectSaved = async () => {
      await expect(page.getByRole('slider', { name: 'Mood (1 to 5)' })).toHaveValue('2');
      await expect(page.getByRole('slider', { name: 'Craving (0 to 10)' })).toHaveValue('7');
      await expect(page.getByRole('checkbox', { name: 'Hungry' })).toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Angry' })).not.toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Lonely' })).not.toBeChecked();
      await expect(page.getByRole('checkbox', { name: 'Tired' })).toBeChecked();
      await expect(page.getByLabel('Hours of sleep')).toHaveValue('5');
      await expect(page.getByRole('radio', { name: 'No', exact: true })).toBeChecked();
      await expect(page.getByLabel('Note', { exact: true })).toHaveValue('Rough day at work');
    };
    await expectSaved();
    // Saving again without touching anything keeps every answer.
    await page.getByRole('button', { name: 'Save', exact: true }).first().click();
    await expect(announced(page)).toHaveText('Saved.');
    await page.reload();
    await unlock(page);
    await go(page, 'Check-in', 'Daily check-in');
    await expectSaved();

    await expect(page.getByText("That's a strong craving. Want to work through it now?")).toBeVisible();
    await page.getByRole('main').getByRole('button', { name: "I'm triggered" }).click();
    await expect(page.getByText('What set it off? Pick a trigger, or ask yourself: am I hungry, angry, lonely or tired?')).toBeVisible();
    await context.close();
  });

  test('every save is announced and shown; an error sits at its field and takes focus; the calendar parses and its DTSTAMP is UTC', async () => {
    const { context, page } = await open();
    await unlock(page);
    await go(page, 'Goals', 'Goals');
    const addGoal = page.getByRole('form', { name: 'Add goal' });
    for (const title of ['Get my license back', 'Walk every day', 'Call my mother on Sundays']) {
      await addGoal.getByLabel('Title').fill(title);
      await addGoal.getByRole('button', { name: 'Add goal', exact: true }).click();
      await expect(announced(page)).toHaveText('Saved.');
      // The new goal is brought into view, even below the fold.
      await expect(page.getByRole('heading', { name: title })).toBeInViewport();
    }
    await expect(announced(page)).toHaveAttribute('aria-live', 'polite');

    await go(page, 'Aftercare plan', 'My aftercare plan');
    const appointment = page.getByRole('form', { name: 'Add appointment' });
    await appointment.getByLabel('Date and time').fill('2036-12-20T10:30');
    await appointment.getByRole('button', { name: 'Add appointment' }).click();
    const title = appointment.getByLabel('Title');
    await expect(title).toBeFocused();
    await expect(title).toHaveAttribute('aria-invalid', 'true');
    await expect(appointment.getByRole('alert')).toHaveText('Please fill in the name or title.');
    await expect(title).toBeInViewport();
    await expect(page.locator('div.problem')).toHaveCount(0);

    await title.fill('Intake at the clinic');
    await appointment.getByLabel('Date and time').fill('2036-12-20T10:30');
    await appointment.getByRole('button', { name: 'Add appointment' }).click();
    await expect(announced(page)).toHaveText('Saved.');
    await expect(title).not.toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Intake at the clinic').first()).toBeInViewport();

    const download = page.waitForEvent('download');
    const before = Date.now();
    await page.getByRole('button', { name: 'Add appointments to my calendar' }).click();
    const file = join(profile, '..', `${profile.split('/').pop()}-calendar.ics`);
    await (await download).saveAs(file);
    const text = readFileSync(file, 'utf8');
    rmSync(file);
    // An independent parser (ical.js) reads the file.
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent');
    expect(events.length).toBe(1);
    expect(String(events[0].getFirstPropertyValue('summary'))).toBe('Intake at the clinic');
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    const stamp = String(events[0].getFirstPropertyValue('dtstamp'));
    expect(stamp).toMatch(/Z$/);
    // The stamp is now, in UTC (New York's local time would be hours off).
    expect(Math.abs(new Date(stamp).getTime() - before)).toBeLessThan(5 * 60_000);
    await context.close();
  });

  test('after a lapse: the form closes, something kind is said, total days stay, people are in reach', async () => {
    const { context, page } = await open();
    await unlock(page);
    const recoveryDate = page.getByRole('form', { name: 'Recovery date' });
    await recoveryDate.getByLabel('Recovery date').fill('2026-01-15');
    await recoveryDate.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(/^Current stretch: \d+ days$/)).toBeVisible();
    await page.getByText('Record a lapse').click();
    const lapse = page.getByRole('form', { name: 'Record a lapse' });
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await lapse.getByLabel('Date of the lapse').fill(yesterday);
    await lapse.getByRole('button', { name: 'Save' }).click();
    await expect(lapse).toBeHidden();
    await expect(page.getByText(/^Thank you for being honest\./).first()).toBeVisible();
    await expect(page.getByText(/^Total days in recovery: \d+\. A lapse does not erase them\.$/)).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('button', { name: 'Contact my peer' })).toBeVisible();
    await main.getByRole('button', { name: 'My safety plan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();
    await go(page, 'Today', 'Today');
    await expect(main.getByRole('button', { name: 'Contact my peer' })).toHaveCount(0);
    await context.close();
  });

  test('the safety plan opens to use now; text not yet saved survives navigation; saving is confirmed', async () => {
    const { context, page } = await open();
    await unlock(page);
    await go(page, 'Safety plan', 'My safety plan');
    // Empty: it opens to write it.
    await page.getByLabel('1. Warning signs that a crisis may be starting').fill('Not sleeping');
    await page.getByLabel('Reasons for living').fill('My daughter');
    // Leave without pressing Save.
    await go(page, 'Today', 'Today');
    await go(page, 'Safety plan', 'My safety plan');
    const main = page.getByRole('main');
    await expect(main.getByText('Not sleeping')).toBeVisible();
    await expect(main.getByText('My daughter')).toBeVisible();
    await expect(main.getByRole('link', { name: 'Call the crisis line (988)' })).toHaveAttribute('href', 'tel:988');

    await main.getByRole('button', { name: 'Edit my safety plan' }).click();
    await page.getByRole('button', { name: 'Add: 4. People I can ask for help' }).click();
    const people = page.getByRole('group', { name: '4. People I can ask for help' });
    await people.getByLabel('Name').fill('Aunt Rosa');
    await people.getByLabel('Phone').fill('555 0110');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(announced(page)).toHaveText('Saved.');
    await main.getByRole('button', { name: 'Done' }).click();
    // People as large call buttons, first.
    const call = main.getByRole('link', { name: 'Call Aunt Rosa' });
    await expect(call).toHaveAttribute('href', 'tel:5550110');
    await expect(call).toHaveClass(/big-action/);
    await context.close();
  });

  test('Spanish: the lock screen speaks the chosen language, and the still-high panel does too', async () => {
    const { context, page } = await open();
    await unlock(page);
    await go(page, 'Settings', 'Settings');
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Español' });
    await expect(page.getByRole('heading', { level: 1, name: 'Configuración' })).toBeVisible();
    await page.getByRole('button', { name: 'Bloquear ahora' }).click();
    await expect(page.getByRole('heading', { name: 'Escribe tu código' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    // A reload (the browser on an English device) still opens in Spanish.
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Escribe tu código' })).toBeVisible();
    await unlock(page, 'Código', 'Desbloquear', 'Hoy');

    await startFlow(page, '9', { triggered: 'Estoy en un momento difícil', craving: 'Ganas de consumir (0 a 10)', next: 'Continuar' });
    await expect(page.getByRole('slider', { name: 'Ganas de consumir (0 a 10)' })).toHaveValue('9');
    await page.getByRole('button', { name: 'Guardar', exact: true }).click();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: 'Llamar al 988 (menú en inglés: marca 2 para español)' })).toHaveAttribute('href', 'tel:988');
    await expect(main.getByRole('link', { name: /^Escribir al 988/ })).toHaveAttribute('href', 'sms:988?body=AYUDA');
    await expect(main.getByRole('link', { name: 'Escribir a Dana' })).toHaveAttribute('href', /^sms:5550102030/);
    await expect(main.getByRole('button', { name: 'Probar otra estrategia' })).toBeVisible();
    await main.getByRole('button', { name: 'Mi plan de seguridad' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mi plan de seguridad' })).toBeVisible();
    await expect(main.getByRole('link', { name: 'Llamar a Aunt Rosa' })).toHaveAttribute('href', 'tel:5550110');

    await go(page, 'Configuración', 'Configuración');
    await page.getByRole('combobox', { name: 'Idioma' }).selectOption({ label: 'English' });
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { name: 'Enter your passcode' })).toBeVisible();
    await context.close();
  });

  test('goals, steps, triggers and strategies can be changed; a delete is undone in one tap; a refused save keeps what was typed', async () => {
    const { context, page } = await open();
    await unlock(page);
    await go(page, 'Goals', 'Goals');
    // With goals on the list, "Add goal" under them opens the form.
    await page.getByRole('button', { name: 'Add goal', exact: true }).click();
    // Refused: the title is empty. What was typed stays; the error is at its field.
    const addGoal = page.getByRole('form', { name: 'Add goal' });
    await addGoal.getByLabel('Why it matters').fill('To feel strong');
    await addGoal.getByRole('button', { name: 'Add goal', exact: true }).click();
    await expect(addGoal.getByLabel('Title')).toBeFocused();
    await expect(addGoal.getByLabel('Why it matters')).toHaveValue('To feel strong');
    await addGoal.getByLabel('Title').fill('Swim on Saturdays');
    await addGoal.getByRole('button', { name: 'Add goal', exact: true }).click();
    await expect(announced(page)).toHaveText('Saved.');
    await expect(addGoal.getByLabel('Why it matters')).toHaveValue('');

    await page.getByRole('button', { name: 'Edit: Walk every day' }).click();
    const editGoal = page.getByRole('form', { name: 'Edit: Walk every day' });
    await editGoal.getByLabel('Title').fill('Walk every morning');
    await editGoal.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Walk every morning' })).toBeVisible();
    const addStep = page.getByRole('form', { name: 'Add step: Walk every morning' });
    await addStep.getByLabel('Step').fill('Buy shoes');
    await addStep.getByRole('button', { name: 'Add step' }).click();
    await expect(page.getByRole('checkbox', { name: 'Buy shoes' })).toBeVisible();

    // Deleting the goal takes its steps; one Undo brings both back.
    await page.getByRole('button', { name: 'Delete: Walk every morning' }).click();
    await expect(announced(page)).toHaveText('Goal deleted.');
    await expect(page.getByRole('heading', { name: 'Walk every morning' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Walk every morning' })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: 'Buy shoes' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toHaveCount(0);

    // A kept built-in idea linked to a renamed trigger; deleting the trigger is undone with its links.
    await go(page, 'Triggers and coping', 'Triggers and coping');
    await page.getByRole('button', { name: `Edit: ${TRIGGER}` }).click();
    const editTrigger = page.getByRole('form', { name: `Edit: ${TRIGGER}` });
    await editTrigger.getByLabel('Name').fill('Friday payday');
    await editTrigger.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Edit: Friday payday' })).toBeVisible();
    await page.getByRole('button', { name: 'Keep: Go for a walk' }).click();
    await page.getByRole('button', { name: 'Edit: Go for a walk' }).click();
    const editWalk = page.getByRole('form', { name: 'Edit: Go for a walk' });
    // Each tick is saved at once (the core links them).
    await editWalk.getByRole('checkbox', { name: 'Friday payday' }).click();
    await expect(editWalk.getByRole('checkbox', { name: 'Friday payday' })).toBeChecked();
    await editWalk.getByRole('button', { name: 'Save', exact: true }).click();
    const walk = page.getByRole('listitem').filter({ hasText: 'Go for a walk · Helps with: Friday payday' });
    await expect(walk).toBeVisible();
    await page.getByRole('button', { name: 'Delete: Friday payday' }).click();
    await expect(announced(page)).toHaveText('Trigger deleted.');
    await expect(walk).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(walk).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: `${STRATEGY} · Helps with: Friday payday` })).toBeVisible();

    // The recovery date can be changed; the lapse stays.
    await go(page, 'Today', 'Today');
    await page.getByText('Change recovery date').click();
    const change = page.getByRole('form', { name: 'Change recovery date' });
    await expect(change.getByLabel('Recovery date')).toHaveValue('2026-01-15');
    await change.getByLabel('Recovery date').fill('2026-01-01');
    await change.getByRole('button', { name: 'Save' }).click();
    await expect(announced(page)).toHaveText('Saved.');
    await expect(change).toBeHidden();
    await page.getByText('Change recovery date').click();
    await expect(change.getByLabel('Recovery date')).toHaveValue('2026-01-01');
    await context.close();
  });
});
