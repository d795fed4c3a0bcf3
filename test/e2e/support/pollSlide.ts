import { loadDeckPlan } from '../../../content/deckPlan'
import { choosePlan, loadSessionPlans } from '../../../content/loadSessionPlans'
import { KIT_ROOT } from '../../../lib/kitPaths'

/** The slide number a scenario's poll has in the running deck (default plan), so tests survive slides being added. */
export async function pollSlideNumber(scenarioId: string): Promise<number> {
  const deck = await loadDeckPlan(KIT_ROOT, { plan: choosePlan(loadSessionPlans(), undefined) })
  const poll = deck.polls.find(poll => poll.scenarioId === scenarioId)
  if (!poll)
    throw new Error(`No slide of the deck polls ${scenarioId}`)
  return poll.slide
}

/** The first slide of the running deck (default plan) that asks a scale or open poll. */
export async function promptSlideNumber(promptId: string): Promise<number> {
  const deck = await loadDeckPlan(KIT_ROOT, { plan: choosePlan(loadSessionPlans(), undefined) })
  const slide = deck.parts.flatMap(part => part.slides).find(slide => slide.prompts?.includes(promptId))
  if (!slide)
    throw new Error(`No slide of the deck asks ${promptId}`)
  return slide.number
}
