/**
 * The page's Content-Security-Policy: nothing may be fetched from, sent to or
 * framed by another origin. `wasm-unsafe-eval` lets the worker compile the
 * core's WebAssembly; nothing else is relaxed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
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
