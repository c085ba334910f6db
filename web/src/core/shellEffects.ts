/**
 * What the browser does for the core: open a link, offer a file, show
 * reminders, and answer the platform-key question. Each returns the bytes
 * that resolve the request.
 */
import type {
  HttpRequest,
  NewMessages,
  OpenUrl,
  PlatformKeyOperation,
  PlatformKeyOutput,
  Reminder,
  ScheduleReminders,
  ShareFile,
} from '../generated/shared_types';
import { done, encodeHttpResult, encodeLinkOutcome, encodePlatformKeyOutput } from './codec';
import { destroyDeviceKey, deviceSecret } from './deviceKey';

/**
 * `tel:`, `sms:` and `mailto:` go to the device's phone, messages or mail
 * app. A browser cannot tell whether an app took the link, so only other
 * addresses are answered as failed.
 */
export function openUrl({ url }: OpenUrl): Uint8Array {
  if (!/^(tel|sms|mailto):/.test(url)) return encodeLinkOutcome({ kind: 'Failed' });
  clickLink(url);
  return encodeLinkOutcome({ kind: 'Opened' });
}

/** The plan document, calendar file or backup, as a download. */
export function share(file: ShareFile): Uint8Array {
  const blob = new Blob([new Uint8Array(file.bytes)], { type: file.mime_type });
  const url = URL.createObjectURL(blob);
  clickLink(url, file.file_name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return done();
}

function clickLink(href: string, download?: string): void {
  const link = document.createElement('a');
  link.href = href;
  if (download) link.download = download;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * The device key's secret and its destruction come from a non-extractable
 * WebCrypto key (`deviceKey.ts`). A browser has no keystore that can hand
 * the core a raw key and keep it from the page's own script: biometric
 * unlock is a phone feature, and the web answers "unavailable" (the core
 * then asks for the passcode).
 */
export async function platformKey(operation: PlatformKeyOperation): Promise<Uint8Array> {
  let output: PlatformKeyOutput;
  switch (operation.kind) {
    case 'DeviceSecret': {
      const secret = await deviceSecret(operation.salt);
      output = secret ? { kind: 'Key', value: secret } : { kind: 'Unavailable' };
      break;
    }
    case 'DestroyDeviceKey':
      await destroyDeviceKey();
      output = { kind: 'Deleted' };
      break;
    case 'Delete':
      output = { kind: 'Deleted' };
      break;
    default:
      output = { kind: 'Unavailable' };
  }
  return encodePlatformKeyOutput(output);
}

const DAY_MS = 24 * 60 * 60 * 1000;
let timers: number[] = [];
let schedule: Reminder[] = [];

/**
 * Reminders while Phoenix is open, through the Notification API when the
 * participant allowed it. The core sends the whole schedule each time; it
 * replaces the previous one. (A web page cannot wake itself when closed.)
 */
export function notify({ value }: ScheduleReminders): Uint8Array {
  schedule = value;
  rescheduleReminders();
  return done();
}

export function remindersAllowed(): boolean {
  return 'Notification' in window && Notification.permission === 'granted';
}

export function canAskForReminders(): boolean {
  return 'Notification' in window && Notification.permission === 'default';
}

export async function askForReminders(): Promise<void> {
  if (!canAskForReminders()) return;
  await Notification.requestPermission();
  rescheduleReminders();
}

function rescheduleReminders(): void {
  for (const timer of timers) clearTimeout(timer);
  timers = [];
  if (!remindersAllowed()) return;
  const now = Date.now();
  for (const reminder of schedule) {
    const due = nextOccurrence(reminder, now);
    if (due === null || due - now > DAY_MS) continue;
    timers.push(
      window.setTimeout(() => new Notification(reminder.title, { body: reminder.body, tag: reminder.id }), due - now),
    );
  }
}

/** The next time `reminder` fires, in the browser's local time. */
function nextOccurrence(reminder: Reminder, now: number): number | null {
  let at = new Date(reminder.at).getTime();
  if (Number.isNaN(at)) return null;
  const step = reminder.daily ? DAY_MS : reminder.weekly ? 7 * DAY_MS : 0;
  if (step > 0) while (at < now) at += step;
  return at >= now ? at : null;
}

/**
 * Messages from the peer specialist while Phoenix is open but not in view
 * (another tab in front, the window minimized): a notification in the
 * core's words, discreet or naming a message, never the text. In view, the
 * conversation itself shows them.
 */
export function announceNewMessages({ title, body }: NewMessages): void {
  if (document.visibilityState === 'visible' || !remindersAllowed()) return;
  new Notification(title, { body, tag: 'phoenix-new-messages' });
}

/** How long a relay request may take before it counts as unreachable. */
const RELAY_TIMEOUT_MS = 20_000;

/**
 * A request to the organization's relay, exactly as the core built and
 * signed it. Any answer goes back to the core; no answer (offline, refused,
 * timed out) is "unreachable", and the core keeps the message queued.
 */
export async function http(request: HttpRequest): Promise<Uint8Array> {
  try {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers.map((header) => [header.name, header.value] as [string, string]),
      body: request.body.length > 0 ? new Uint8Array(request.body) : undefined,
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      signal: AbortSignal.timeout(RELAY_TIMEOUT_MS),
    });
    const body = Array.from(new Uint8Array(await response.arrayBuffer()));
    return encodeHttpResult({ kind: 'Response', status: response.status, body });
  } catch {
    return encodeHttpResult({ kind: 'Unreachable' });
  }
}
