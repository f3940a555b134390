import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.mts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./src/test/setup.ts'],
      include: ['src/**/*.test.{ts,tsx}'],
      css: false,
      mockReset: true,
      unstubGlobals: true,
      // A guard against hangs, not a speed check: user-event tests of the editors take a few
      // seconds on a busy 2-core CI machine, beyond Vitest's default of 5.
      testTimeout: 20_000,
    },
  }),
);
