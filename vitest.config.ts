import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { scenarioLibrary } from './content/scenarioVitePlugin.ts'
import { sessionPlan } from './content/sessionPlanVitePlugin.ts'

export default defineConfig({
  // The deck's single-file components and its scenario and plan modules, for the component tests (test/components).
  plugins: [vue(), scenarioLibrary(), sessionPlan({ root: fileURLToPath(new URL('.', import.meta.url)) })],
  test: {
    environment: 'node',
    // Vitest's default worker count (cores − 1: one on the 2-core reference machine). Two
    // workers there took vitest from 301 to 267 s, but under that contention `slidev export`
    // sometimes printed the deck before it had rendered (blank pages), and a tally raced
    // its ack; the suite stays within what a 2-core machine runs reliably.
    // Deck build and PDF export start real Slidev and Chromium processes.
    hookTimeout: 240_000,
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One Slidev dev server and one Chromium for all e2e files, started only when one runs.
          globalSetup: ['test/e2e/support/sharedDeck.ts'],
        },
      },
    ],
  },
})
