import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every regular file under `dir`, recursively. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path);
    return entry.isFile() ? [path] : [];
  });
}

/**
 * The files under `dir` that contain `needle` as UTF-8 or UTF-16LE (the two
 * encodings a browser writes text in). Returns their paths, never contents.
 */
export function filesContaining(dir: string, needle: string): string[] {
  const patterns = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
  return filesUnder(dir).filter((path) => {
    const bytes = readFileSync(path);
    return patterns.some((pattern) => bytes.includes(pattern));
  });
}

/** Total size of the files under `dir` whose path includes `segment`. */
export function bytesUnder(dir: string, segment: string): number {
  return filesUnder(dir)
    .filter((path) => path.includes(segment))
    .reduce((total, path) => total + statSync(path).size, 0);
}
