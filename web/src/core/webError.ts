import type { LockProblem } from './protocol';

/** The shape of the `WebError` the wasm throws (see shared/src/wasm/error.rs). */
export interface WebError {
  code: string;
  retryAfterSecs?: number;
}

export function isWebError(value: unknown): value is WebError {
  return typeof value === 'object' && value !== null && typeof (value as WebError).code === 'string';
}

/** A thrown value as a lock-screen problem; anything unexpected is `other`. */
export function toLockProblem(thrown: unknown): LockProblem {
  if (!isWebError(thrown)) return { kind: 'other', code: 'Unexpected' };
  switch (thrown.code) {
    case 'WrongCredential':
      return { kind: 'wrongPasscode' };
    case 'Throttled':
      return { kind: 'throttled', retryAfterSecs: thrown.retryAfterSecs ?? 0 };
    case 'PasscodeTooShort':
      return { kind: 'passcodeTooShort' };
    default:
      return { kind: 'other', code: thrown.code };
  }
}
