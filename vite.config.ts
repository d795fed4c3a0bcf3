import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { scenarioLibrary } from './content/scenarioVitePlugin.ts'
import { sessionPlan } from './content/sessionPlanVitePlugin.ts'

// Slidev merges this into its own Vite config.
export default defineConfig({
  plugins: [scenarioLibrary(), sessionPlan({ root: fileURLToPath(new URL('.', import.meta.url)) })],
  // `slidev export` (npm run export, the guide's slide pictures) bundles the deck's dependencies
  // with a configuration of its own: in the shared cache folder it replaced the bundles a
  // running deck was using, and the deck reloaded or failed its next import mid-session.
  ...(process.argv.slice(2).includes('export') ? { cacheDir: 'node_modules/.vite/export' } : {}),
  // Bundled when the deck starts, not when a slide first imports them: Vite finds a new
  // dependency only as a page loads it and then reloads the page, so on a fresh install
  // the deck reloaded itself up to six times as the trainer moved through the first
  // slides (uqr and zod/mini from the poll slides; the rest are Slidev's own, which it
  // lists under a nested path that npm hoists away).
  optimizeDeps: {
    include: ['uqr', 'zod/mini', 'ansis', 'file-saver', 'recordrtc', '@fix-webm-duration/fix', '@shikijs/engine-javascript'],
  },
})
