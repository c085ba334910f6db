/** A real `phoenix-relay` process for the browser tests, and the scripted Rust participant. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const TARGET = join(import.meta.dirname, '../../../target/debug');
/** Built by `cargo xtask test web` before the browser tests. */
export const RELAY_BIN = process.env.PHOENIX_RELAY_BIN ?? join(TARGET, 'phoenix-relay');
export const PARTICIPANT_BIN = process.env.PHOENIX_PARTICIPANT_BIN ?? join(TARGET, 'examples/participant');
export const INBOX_SECRETS_BIN = join(TARGET, 'examples/inbox_secrets');
/** The inbox's wasm, built by `cargo xtask inbox` (part of `cargo xtask test web`). */
export const INBOX_ASSETS = process.env.PHOENIX_INBOX_ASSETS ?? join(import.meta.dirname, '../../../inbox-wasm/pkg');
export const SPECIALIST_PASSWORD = 'a long inbox password';

export class Relay {
  private constructor(
    readonly url: string,
    readonly dir: string,
    private readonly process: ChildProcess,
  ) {}

  /** A relay on a free loopback port, with its own SQLite file. */
  static async start(extra: string[] = []): Promise<Relay> {
    const dir = mkdtempSync(join(tmpdir(), 'phoenix-relay-'));
    const child = spawn(
      RELAY_BIN,
      ['--database', join(dir, 'relay.db'), 'serve', '--listen', '127.0.0.1:0', '--insecure-cookies', '--inbox-assets', INBOX_ASSETS, ...extra],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const firstLine = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve);
      child.once('exit', (code) => reject(new Error(`phoenix-relay exited with ${code}`)));
    });
    const url = firstLine.split(' ').find((word) => word.startsWith('http://'));
    if (!url) throw new Error(`phoenix-relay did not start: ${firstLine}`);
    return new Relay(url, dir, child);
  }

  addSpecialist(username: string, name: string): void {
    execFileSync(RELAY_BIN, ['--database', join(this.dir, 'relay.db'), 'add-specialist', '--username', username, '--name', name], {
      input: `${SPECIALIST_PASSWORD}\n`,
    });
  }

  /**
   * A relay that substitutes keys: its database edited so the participant
   * named `victim` is reported with the channel identity of `impostor`.
   */
  swapIdentity(victim: string, impostor: string): void {
    const mailboxOf = (name: string) => `(SELECT participant_mailbox FROM pairings WHERE participant_name = '${name}' AND unpaired_ms IS NULL)`;
    execFileSync('sqlite3', [
      join(this.dir, 'relay.db'),
      `UPDATE channel_identities SET identity = (SELECT identity FROM channel_identities WHERE mailbox = ${mailboxOf(impostor)}) WHERE mailbox = ${mailboxOf(victim)};`,
    ]);
  }

  stop(): void {
    this.process.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The login secret and unwrap key the inbox derives from the test password (base64url). */
export function inboxSecrets(username: string): { login: string; unwrap: string } {
  return JSON.parse(execFileSync(INBOX_SECRETS_BIN, [username], { input: `${SPECIALIST_PASSWORD}\n`, encoding: 'utf8' }));
}

/** A participant device written in Rust (relay/examples/participant.rs): keys, Olm account and channel in a state file. */
export class ScriptedParticipant {
  constructor(
    private readonly relay: Relay,
    private readonly state = join(mkdtempSync(join(tmpdir(), 'phoenix-participant-')), 'state.json'),
  ) {}

  private run(...args: string[]): string {
    return execFileSync(PARTICIPANT_BIN, ['--relay', this.relay.url, '--state', this.state, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  }

  /** Pairs with the invite as the inbox shows it: the code and the fingerprint. */
  pair(code: string, fingerprint: string, name: string): string {
    return this.run('pair', `${code} ${fingerprint}`, name);
  }

  send(text: string): void {
    this.run('send', text);
  }

  /** Shares an item as the app does: `envelope` is relay-protocol's `{v, key, item}`. */
  share(envelope: object): void {
    this.run('share', JSON.stringify(envelope));
  }

  /** `count` messages in one run: "message 1" to "message COUNT". */
  sendMany(count: number): void {
    this.run('send-many', String(count));
  }

  /** Seals the next letter and never sends it: a message the relay lost. */
  sealWithoutSending(text: string): void {
    this.run('seal-only', text);
  }

  /** The verification code this device computes. */
  verificationCode(): string {
    return this.run('code');
  }

  /** Every new text the specialist sent, opened with Rust's relay-protocol. */
  read(): string[] {
    const output = this.run('read');
    return output ? output.split('\n').map((line) => JSON.parse(line) as string) : [];
  }
}
