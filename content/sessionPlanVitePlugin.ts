import type { Plugin } from 'vite'
import type { DeckPlan } from './deckPlan.ts'
import type { SessionPlanSummary } from './sessionPlanSummary.ts'
import process from 'node:process'
import { loadDeckPlan } from './deckPlan.ts'
import { loadScenarioLibrary } from './loadScenarios.ts'
import { choosePlan, defaultPlansFile, loadSessionPlans, PLAN_ENV, SessionPlanError } from './loadSessionPlans.ts'
import { summarisePlan } from './sessionPlanSummary.ts'

/** The id client code imports: `import plan from 'virtual:session-plan'`. */
export const SESSION_PLAN_MODULE = 'virtual:session-plan'
const resolvedId = `\0${SESSION_PLAN_MODULE}`

/**
 * Serves the chosen session plan to the deck: its name and length, the agenda, and the
 * shown polls with their numbers, so the slide numbers a poll the way the handout does.
 */
export function sessionPlan({ root }: { root: string }): Plugin {
  return {
    name: 'session-plan',
    resolveId(source) {
      return source === SESSION_PLAN_MODULE ? resolvedId : undefined
    },
    async load(id) {
      if (id !== resolvedId)
        return undefined
      this.addWatchFile(defaultPlansFile)
      let deck: DeckPlan
      try {
        const library = loadScenarioLibrary()
        deck = await loadDeckPlan(root, { library, plan: choosePlan(loadSessionPlans(), process.env[PLAN_ENV] || undefined) })
        if (deck.planIssues.length > 0)
          throw new SessionPlanError(deck.planIssues)
        const summary: SessionPlanSummary = summarisePlan(deck, library)
        return `export default ${JSON.stringify(summary)}\n`
      }
      catch (error) {
        if (error instanceof SessionPlanError)
          this.error(error.message)
        throw error
      }
    },
  }
}
