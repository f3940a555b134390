import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';

import { notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installExternalLinkHandler } from './lib/externalLinks';
import { Providers } from './Providers';
import { COLOR_SCHEME_KEY } from './theme';

// Mantine's ColorSchemeScript is an inline <script>, which the CSP forbids.
// Set the attribute here instead, before the first paint of the app, so a
// dark-mode user does not see a light flash.
function applyStoredColorScheme() {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(COLOR_SCHEME_KEY);
  } catch {
    // storage unavailable: follow the OS
  }
  const scheme =
    stored === 'light' || stored === 'dark'
      ? stored
      : window.matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light';
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
}

applyStoredColorScheme();

installExternalLinkHandler({
  onError: (err, url) => {
    const message = err && typeof err === 'object' && 'message' in err ? String(err.message) : String(err);
    notifications.show({ color: 'red', title: 'Could not open link', message: `${url}: ${message}` });
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <Providers>
      <App />
    </Providers>
  </StrictMode>,
);
