import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'content/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // Deck build and PDF export start real Slidev and Chromium processes.
    hookTimeout: 240_000,
    testTimeout: 30_000,
  },
})
