import type { PollDefinition } from '../poll/pollDefinition'
// The deck as a chosen session plan runs it: validated plan, deck plan and poll numbers,
// shared by `npm start`, `npm run export` and `npm run handouts`.
import type { DeckPlan } from './deckPlan'
import type { ScenarioLibrary } from './loadScenarios'
import { KIT_ROOT } from '../lib/kitPaths'
import { loadDeckPlan } from './deckPlan'
import { choosePlan, loadSessionPlans, SessionPlanError } from './loadSessionPlans'

/** Loads the deck under plan `name` (the file's default when undefined); a plan naming what the deck lacks is an error. */
export async function loadSessionDeck(name: string | undefined, library: ScenarioLibrary, root = KIT_ROOT): Promise<DeckPlan> {
  const plan = choosePlan(loadSessionPlans(), name)
  const deck = await loadDeckPlan(root, { library, plan })
  if (deck.planIssues.length > 0)
    throw new SessionPlanError(deck.planIssues)
  return deck
}

/** Prefixes each polled scenario's title with its number, so a phone says "Poll 3" like the slide and the handout. */
export function numberDefinitions(definitions: readonly PollDefinition[], deck: Pick<DeckPlan, 'polls'>): PollDefinition[] {
  const numbers = new Map(deck.polls.map(poll => [poll.scenarioId, poll.number]))
  return definitions.map((definition) => {
    const number = numbers.get(definition.id)
    return number === undefined ? definition : { ...definition, title: `Poll ${number}: ${definition.title}` }
  })
}
