/**
 * The page's Content-Security-Policy: nothing may be loaded from or framed by
 * another origin. `wasm-unsafe-eval` lets the worker compile the core's
 * WebAssembly. The one other destination is the organization's relay, once
 * the participant pairs with their specialist: its address is typed in at
 * pairing, so any HTTPS origin may be connected to (the core only ever
 * addresses the relay it paired with), plus plain HTTP on this machine's
 * loopback for a relay under test.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Headers for the local static server (`vite preview`). */
export const SECURITY_HEADERS: Record<string, string> = {
  // frame-ancestors only works as a header, so it is added here, not in the <meta>.
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};
