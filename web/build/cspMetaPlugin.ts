import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.ts';

/** Puts the CSP into the built index.html too, so any static host enforces it. */
export function cspMetaPlugin(): Plugin {
  return {
    name: 'phoenix-csp-meta',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
