import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const outDir = resolve(import.meta.dirname, 'dist');

// Wails embeds frontend/dist with go:embed, which fails on an empty or
// missing directory (and so does `go vet`). emptyOutDir wipes the tracked
// placeholder on every build, so put it back once the bundle is written.
function keepDistPlaceholder(): Plugin {
  return {
    name: 'keep-dist-gitkeep',
    apply: 'build',
    closeBundle() {
      mkdirSync(outDir, { recursive: true });
      writeFileSync(resolve(outDir, '.gitkeep'), '');
    },
  };
}

// No @vitejs/plugin-react on purpose: its Fast Refresh preamble is an inline
// <script>, which the app's Content-Security-Policy (script-src 'self')
// blocks. Vite's built-in Oxc transform compiles TSX; edits in dev cause a
// full reload instead of a hot swap.
export default defineConfig({
  plugins: [keepDistPlaceholder()],
  oxc: {
    jsx: { runtime: 'automatic' },
  },
  server: {
    // Wails dev (`wails dev`) proxies http://localhost:34115 to this server
    // and discovers its URL from the output ("frontend:dev:serverUrl": "auto").
    host: 'localhost',
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Mantine marks its modules "use client" for React Server Components;
        // meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
