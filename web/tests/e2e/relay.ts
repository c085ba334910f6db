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
export const SPECIALIST_PASSWORD = 'a long inbox password';

export class Relay {
  private constructor(
    readonly url: string,
    readonly dir: string,
    private readonly process: ChildProcess,
  ) {}

  /** A relay on a free loopback port, with its own SQLite file. */
  static async start(): Promise<Relay> {
    const dir = mkdtempSync(join(tmpdir(), 'phoenix-relay-'));
    const child = spawn(
      RELAY_BIN,
      ['--database', join(dir, 'relay.db'), 'serve', '--listen', '127.0.0.1:0', '--insecure-cookies'],
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

  stop(): void {
    this.process.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A participant device written in Rust (relay/examples/participant.rs), keys in a state file. */
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

  pair(code: string, name: string): string {
    return this.run('pair', code, name);
  }

  send(text: string): void {
    this.run('send', text);
  }

  /** Every text the specialist sent, opened with Rust's relay-protocol. */
  read(): string[] {
    const output = this.run('read');
    return output ? output.split('\n').map((line) => JSON.parse(line) as string) : [];
  }
}
