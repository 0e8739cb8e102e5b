import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

// The renderer lives in src/renderer and builds to dist/renderer, which the Electron protocol
// handler and `crm serve` both serve. Base '/' (not './') so BrowserRouter deep links such as
// /contacts/ID still load /assets/... from the root.
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Mantine, React and zod make one vendor bundle a little over the default warning size.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    host: '127.0.0.1',
    // The renderer imports src/shared, outside the vite root.
    fs: { allow: [repoRoot] },
  },
});
