import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { scenarioLibrary } from './content/scenarioVitePlugin.ts'
import { sessionPlan } from './content/sessionPlanVitePlugin.ts'

// Slidev merges this into its own Vite config.
export default defineConfig({
  plugins: [scenarioLibrary(), sessionPlan({ root: fileURLToPath(new URL('.', import.meta.url)) })],
})
