import { availableParallelism } from 'node:os'
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
    // One worker per core, at least two (Vitest's default leaves one core idle): much of the
    // suite waits on Chromium, Slidev and poll-server processes, which then use the other
    // core. On the 2-core reference machine: 301 s with one worker, 252 s with two.
    maxWorkers: Math.max(2, availableParallelism()),
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
