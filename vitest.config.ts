import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { scenarioLibrary } from './content/scenarioVitePlugin.ts'
import { sessionPlan } from './content/sessionPlanVitePlugin.ts'

export default defineConfig({
  // The deck's single-file components and its scenario and plan modules, for the component tests (test/components).
  plugins: [vue(), scenarioLibrary(), sessionPlan({ root: fileURLToPath(new URL('.', import.meta.url)) })],
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Deck build and PDF export start real Slidev and Chromium processes.
    hookTimeout: 240_000,
    testTimeout: 30_000,
  },
})
