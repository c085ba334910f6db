import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

/**
 * Emits `sw.js`: the service worker template (`build/serviceWorker.template.js`) with the
 * build's file list and a cache version derived from it, so the whole app —
 * HTML, scripts, the worker, the wasm — is cached on first load and works
 * offline from then on. No dependency, no request to any other origin.
 */
export function serviceWorkerPlugin(): Plugin {
  return {
    name: 'phoenix-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle)
        .filter((file) => !file.endsWith('.map'))
        .map((file) => `/${file}`);
      const icons = ['/icon.svg', '/icon-192.png', '/icon-512.png', '/icon-maskable-512.png'];
      const precache = ['/', '/manifest.webmanifest', ...icons, ...files].sort();
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 16);
      const template = readFileSync(new URL('./serviceWorker.template.js', import.meta.url), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace('__PRECACHE_FILES__', JSON.stringify(precache))
          .replace('__CACHE_VERSION__', JSON.stringify(version)),
      });
    },
  };
}
