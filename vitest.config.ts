import { defineConfig } from 'vitest/config';

// Four projects: pure model unit tests, integration tests against a real
// server on port 0 with real y-websocket providers, browser tests in
// headless Chromium against the built app, and the office exports opened in LibreOffice.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // Tests that measure what one message costs collect garbage first (message-stall).
          execArgv: ['--expose-gc'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        // The Word, PowerPoint and Excel exports opened in a real office suite
        // (LibreOffice headless): slow to start, so a project of its own.
        test: {
          name: 'office',
          include: ['tests/office/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
