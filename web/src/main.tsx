import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { Core } from './core/Core';
import { CoreProvider } from './core/CoreContext';
import './styles.css';

const core = new Core();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CoreProvider core={core}>
      <App />
    </CoreProvider>
  </StrictMode>,
);

// Offline after the first load (production builds only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/sw.js', { scope: '/' });
}
