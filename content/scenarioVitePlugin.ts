import type { Plugin } from 'vite'
import type { ScenarioLibraryData } from './loadScenarios.ts'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { defaultScenarioDir, loadScenarioLibrary } from './loadScenarios.ts'
import { ScenarioLibraryError } from './scenarioLibraryError.ts'

/** The id client code imports: `import library from 'virtual:scenario-library'`. */
export const SCENARIO_LIBRARY_MODULE = 'virtual:scenario-library'
const resolvedId = `\0${SCENARIO_LIBRARY_MODULE}`

export interface ScenarioLibraryPluginOptions {
  /** Folder holding index.yaml and the scenario files; defaults to `<repo>/scenarios`. */
  dir?: string
}

/**
 * Serves the validated scenario library to the deck as plain JSON data.
 * An invalid library fails the build (and shows Vite's overlay in dev) with one located line per issue.
 */
export function scenarioLibrary(options: ScenarioLibraryPluginOptions = {}): Plugin {
  const { dir = defaultScenarioDir } = options
  return {
    name: 'scenario-library',
    resolveId(source) {
      return source === SCENARIO_LIBRARY_MODULE ? resolvedId : undefined
    },
    load(id) {
      if (id !== resolvedId)
        return undefined
      for (const name of readdirSync(dir))
        this.addWatchFile(join(dir, name))
      try {
        const { sections, scenarios, prompts } = loadScenarioLibrary(dir)
        // Only data crosses into the browser: the loader and its Node imports stay on the server.
        const data: ScenarioLibraryData = { sections, scenarios, prompts }
        return `export default ${JSON.stringify(data)}\n`
      }
      catch (error) {
        if (error instanceof ScenarioLibraryError)
          this.error(`${error.message}\nRun \`npm run scenarios:check\` after fixing them.`)
        throw error
      }
    },
    hotUpdate({ file }) {
      // Any change in the folder (edit, new file, deletion) can change validity or order: re-validate and reload.
      if (relative(dir, file).startsWith('..') || !/\.ya?ml$/.test(file))
        return undefined
      const module = this.environment.moduleGraph.getModuleById(resolvedId)
      if (!module)
        return undefined
      this.environment.moduleGraph.invalidateModule(module)
      this.environment.hot.send({ type: 'full-reload' })
      return []
    },
  }
}
