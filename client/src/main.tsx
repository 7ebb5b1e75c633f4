import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.js';
import { App } from './app/App.js';
import './styles.css';

initI18n();

// Only for reloading while offline (see public/sw.js); browsers install it on https or localhost,
// so on a room's network the server runs with TLS (README, "Offline reload needs HTTPS").
if (import.meta.env.PROD && 'serviceWorker' in navigator && window.isSecureContext) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
