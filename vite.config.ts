import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { scenarioLibrary } from './content/scenarioVitePlugin.ts'
import { sessionPlan } from './content/sessionPlanVitePlugin.ts'

// Slidev merges this into its own Vite config.
export default defineConfig({
  plugins: [scenarioLibrary(), sessionPlan({ root: fileURLToPath(new URL('.', import.meta.url)) })],
  // Bundled when the deck starts, not when a slide first imports them: Vite finds a new
  // dependency only as a page loads it and then reloads the page, so on a fresh install
  // the deck reloaded itself up to six times as the trainer moved through the first
  // slides (uqr and zod/mini from the poll slides; the rest are Slidev's own, which it
  // lists under a nested path that npm hoists away).
  optimizeDeps: {
    include: ['uqr', 'zod/mini', 'ansis', 'file-saver', 'recordrtc', '@fix-webm-duration/fix', '@shikijs/engine-javascript'],
  },
})
