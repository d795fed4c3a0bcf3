// Validates the scenario library: `npm run scenarios:check [-- --dir path/to/scenarios]`.
// Prints one `file:line:col  path: message` line per problem and exits 1, or a one-line summary.
import { join, relative } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { formatIssues } from '../content/formatIssues'
import { defaultScenarioDir, INDEX_FILE, loadScenarioLibrary } from '../content/loadScenarios'
import { ScenarioLibraryError } from '../content/scenarioLibraryError'

try {
  const { values } = parseArgs({ options: { dir: { type: 'string' } } })
  const dir = values.dir ?? defaultScenarioDir
  const library = loadScenarioLibrary(dir)
  const sectionCount = library.sections.filter(section => section.scenarioIds.length > 0).length
  const scenarioCount = library.scenarios.length
  console.log(`✓ ${scenarioCount} scenario${scenarioCount === 1 ? '' : 's'} in ${sectionCount} section${sectionCount === 1 ? '' : 's'} valid (${relative(process.cwd(), join(dir, INDEX_FILE))})`)
}
catch (error) {
  if (error instanceof ScenarioLibraryError) {
    console.error(formatIssues(error.issues))
    console.error(`✗ ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in the scenario library`)
  }
  else {
    // Anything else (bad flag, unreadable disk) is still one readable line, never a stack trace.
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`)
  }
  process.exitCode = 1
}
