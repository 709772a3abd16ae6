import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Portal server, which `vite dev` proxies the API and the collaboration socket to. */
const serverUrl = process.env.PORTAL_SERVER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The libraries every page needs, in one long-cached chunk that changes only when they
            // are upgraded. Named explicitly — not all of node_modules — so heavy lazy dependencies
            // (the collaborative editor: Tiptap, Yjs) stay in their own lazy chunks.
            {
              name: 'vendor',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: serverUrl },
      '/collab': { target: serverUrl, ws: true },
    },
  },
});
