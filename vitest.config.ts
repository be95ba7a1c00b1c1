/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

/**
 * Three suites: `unit` (pure lib code and components rendered with Astro's container API),
 * `dist` (inspects a production build in dist/), and `e2e` (headless Chromium against the built
 * site). npm test runs them in that order, building in between.
 */
export default getViteConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'dist', include: ['tests/build/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // A page waits on the browser (a first search loads Pagefind's WebAssembly), which on a
          // busy two-core machine can take more than the 1 s expect.poll waits by default.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
