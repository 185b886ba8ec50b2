import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The form rules are libs/domain's (plain TypeScript): the pages bundle the same code the API runs.
const domain = fileURLToPath(new URL('../libs/domain/src', import.meta.url));

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  // dedupe: libs/domain's name folding imports opencc-js from outside web/; take it from web's own dependencies.
  resolve: { alias: { '@onetrip/domain': domain }, dedupe: ['opencc-js'] },
  // Source maps only for a development build (`vite build --mode development`): production serves none.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: mode === 'development' },
  server: {
    host: '127.0.0.1',
    port: 5173,
    fs: { allow: ['..'] },
    // `npm run dev --prefix web` next to `./onetrip up`: the API answers /api.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
}));
