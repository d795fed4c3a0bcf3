import { defineConfig } from 'vite'
import { scenarioLibrary } from './content/scenarioVitePlugin.ts'

// Slidev merges this into its own Vite config.
export default defineConfig({
  plugins: [scenarioLibrary()],
})
