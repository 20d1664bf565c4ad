import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'static/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'static/*/build/**'],
    // The default reporter for people, and one plain closing line ("N passed, N failed") that CI reads.
    reporters: ['default', './test/plain-summary-reporter.ts'],
    testTimeout: 20_000,
    // Every file runs on the test clock (test/support/test-clock.ts): no test depends on the date.
    setupFiles: ['./test/support/vitest-setup.ts'],
  },
});
