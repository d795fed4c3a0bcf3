// Validates the scenario library and the session plans: `npm run scenarios:check [-- --dir path/to/scenarios]`
// (scripts/scenarios-check.ts runs this main).
// Prints one `file:line:col  path: message` line per problem and exits 1, or a one-line summary each.
// Give-aways (answers clustered on one choice position, titles or questions that name the answer)
// are printed as `file:line:col  warning: …` lines on stderr; they do not change the exit code.
import type { ScenarioLibrary } from '../../content/loadScenarios'
import type { ScenarioIssue } from '../../content/scenarioLibraryError'
import type { CliIo } from './runMain'
import { join, relative } from 'node:path'
import process from 'node:process'
import { loadDeckPlan } from '../../content/deckPlan'
import { defaultScenarioDir, INDEX_FILE, loadScenarioLibrary } from '../../content/loadScenarios'
import { loadSessionPlans, SessionPlanError } from '../../content/loadSessionPlans'
import { findGiveaways } from '../../content/scenarioGiveaways'
import { formatIssue, formatIssues, ScenarioLibraryError } from '../../content/scenarioLibraryError'
import { readYamlSource } from '../../content/yamlSource'
import { KIT_ROOT } from '../../lib/kitPaths'
import { parseFlags } from './cliFlags'

/** Locates each give-away warning in the file an author would edit: the index for positions, the scenario for words. */
function giveawayIssues(dir: string, library: ScenarioLibrary): ScenarioIssue[] {
  const kind = { emptyMessage: '', keyNoun: 'field' }
  const sourceOf = (name: string) => readYamlSource(join(dir, name), relative(process.cwd(), join(dir, name)), kind).source!
  return findGiveaways(library.sections, library.byId).map((warning) => {
    const issue = warning.kind === 'position'
      ? sourceOf(INDEX_FILE).issueAtKey([], warning.section, warning.message)
      : sourceOf(`${warning.scenarioId}.yaml`).issueAt([warning.field], warning.message)
    return { ...issue, path: `warning: ${issue.path}` }
  })
}

/** The scenarios:check command: argv without node and the script. Prints its own errors, so runMain only sees an exit code. */
export async function scenariosCheckMain(argv: string[], io: CliIo): Promise<number> {
  try {
    const values = parseFlags({ dir: { type: 'string' } }, argv)
    const dir = values.dir ?? defaultScenarioDir
    const library = loadScenarioLibrary(dir)
    const warnings = giveawayIssues(dir, library)
    for (const warning of warnings)
      io.stderr(`${formatIssue(warning)}\n`)
    const sectionCount = library.sections.filter(section => section.pollIds.length > 0).length
    const scenarioCount = library.scenarios.length
    const warned = warnings.length === 0 ? '' : `, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`
    // Scale and open polls have no answer to check for give-aways, but they are polls the room meets: count them too.
    const scales = library.prompts.filter(prompt => prompt.kind === 'scale').length
    const opens = library.prompts.length - scales
    const counted = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`
    const parts = [counted(scenarioCount, 'scenario'), ...(scales > 0 ? [counted(scales, 'scale poll')] : []), ...(opens > 0 ? [counted(opens, 'open poll')] : [])]
    const polls = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`
    io.stdout(`✓ ${polls} in ${sectionCount} section${sectionCount === 1 ? '' : 's'} valid${warned} (${relative(process.cwd(), join(dir, INDEX_FILE))})\n`)

    // The plans name the kit's own slides and scenarios, so they are checked only against the kit's library.
    if (values.dir === undefined) {
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
      io.stdout(`✓ session plans valid (${plans.file}; ${summaries.join(' · ')})\n`)
    }
  }
  catch (error) {
    if (error instanceof ScenarioLibraryError || error instanceof SessionPlanError) {
      io.stderr(`${formatIssues(error.issues)}\n`)
      io.stderr(`✗ ${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in the ${error instanceof SessionPlanError ? 'session plans' : 'scenario library'}\n`)
    }
    else {
      // Anything else (bad flag, unreadable disk) is still one readable line, never a stack trace.
      io.stderr(`✗ ${error instanceof Error ? error.message : String(error)}\n`)
    }
    return 1
  }
  return 0
}
