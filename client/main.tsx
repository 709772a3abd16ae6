import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/pages.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ME_KEY } from './app/me.tsx';
import { preloadRoute } from './app/preloadRoute.ts';
import { createQueryClient } from './app/queryClient.ts';
import { ToastProvider } from './app/toast.tsx';
import { applyBranding, readBoot } from './lib/branding.ts';

// The server already painted the host tenant's colours; this adds the derived ones (readable text
// tones) and the title before React renders anything.
const boot = readBoot();
applyBranding(boot.branding);

preloadRoute(window.location.pathname);

// A signed-in page carries this session's /api/me answer: the auth gate renders the page at once
// instead of waiting for that request (it is refetched when stale, like any query).
const queryClient = createQueryClient();
if (boot.me) queryClient.setQueryData(ME_KEY, boot.me);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// The server's static splash (server/http/spa.ts) goes; the app's first render shows the same
// brand mark (BootSplash) until its first page is ready, in the same task, so no frame is blank.
root.replaceChildren();

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <App />
      </ToastProvider>
    </QueryClientProvider>
  </StrictMode>,
);
