// Validates the scenario library and the session plans: `npm run scenarios:check [-- --dir path/to/scenarios]`.
// Prints one `file:line:col  path: message` line per problem and exits 1, or a one-line summary each.
import { join, relative } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { loadDeckPlan } from '../content/deckPlan'
import { formatIssues } from '../content/formatIssues'
import { defaultScenarioDir, INDEX_FILE, loadScenarioLibrary } from '../content/loadScenarios'
import { loadSessionPlans, SessionPlanError } from '../content/loadSessionPlans'
import { ScenarioLibraryError } from '../content/scenarioLibraryError'
import { KIT_ROOT } from './lib/paths'

try {
  const { values } = parseArgs({ options: { dir: { type: 'string' } } })
  const dir = values.dir ?? defaultScenarioDir
  const library = loadScenarioLibrary(dir)
  const sectionCount = library.sections.filter(section => section.scenarioIds.length > 0).length
  const scenarioCount = library.scenarios.length
  console.log(`✓ ${scenarioCount} scenario${scenarioCount === 1 ? '' : 's'} in ${sectionCount} section${sectionCount === 1 ? '' : 's'} valid (${relative(process.cwd(), join(dir, INDEX_FILE))})`)

  // Each plan is checked against the deck it hides slides from and the library it swaps polls from.
  const plans = loadSessionPlans()
  const issues = []
  const summaries = []
  for (const plan of plans.plans.values()) {
    const deck = await loadDeckPlan(KIT_ROOT, { library, plan })
    issues.push(...deck.planIssues)
    summaries.push(`${plan.name}: ${deck.totalMinutes} of ${plan.minutes} min, ${deck.polls.length} polls`)
  }
  if (issues.length > 0)
    throw new SessionPlanError(issues)
  console.log(`✓ session plans valid (${plans.file}; ${summaries.join(' · ')})`)
}
catch (error) {
  if (error instanceof ScenarioLibraryError || error instanceof SessionPlanError) {
    console.error(formatIssues(error.issues))
    console.error(`✗ ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in the ${error instanceof SessionPlanError ? 'session plans' : 'scenario library'}`)
  }
  else {
    // Anything else (bad flag, unreadable disk) is still one readable line, never a stack trace.
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`)
  }
  process.exitCode = 1
}
