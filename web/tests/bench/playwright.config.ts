import { defineConfig } from '@playwright/test';

/**
 * The inbox's bench (`cargo xtask bench inbox`): a Playwright script, not a
 * test of the suite. It needs no web app, only the relay and the inbox's
 * wasm, which xtask builds first.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  outputDir: '../../../tests/artifacts/playwright-bench',
  workers: 1,
  timeout: 600_000,
  expect: { timeout: 300_000 },
  reporter: [['list']],
});
