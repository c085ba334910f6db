import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the release build (web/dist), served by `vite
 * preview` on 127.0.0.1:8081 (8080 stays free for `cargo xtask serve`; PHOENIX_TEST_PORT
 * overrides it), in
 * Debian's Chromium. Run them with `cargo xtask test web`, which builds first.
 */
// PHOENIX_TEST_PORT moves it when another checkout's tests hold 8081.
const PORT = process.env.PHOENIX_TEST_PORT ?? '8081';
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: '../tests/artifacts/playwright',
  // One worker: the tests share a browser profile, and the machine is small.
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: { baseURL: BASE_URL },
  webServer: {
    command: `npm exec -- vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
