// Applies a session plan to the deck as Slidev parses it: slides the plan cuts get
// `hide: true` (Slidev then leaves them out, and numbers the rest), polls swapped in
// the plan file change their scenario id, and a tight plan drops the optional prompts
// from the notes. Used by the deck (setup/preparser.ts) and by the handouts' deck plan.
import type { SlidevPreparserExtension } from '@slidev/types'
import type { SessionPlan } from './loadSessionPlans.ts'

/** A prompt the plan may drop: `Ask (optional, 1 min): …`; the minutes are what it adds when kept. */
export const OPTIONAL_ASK = /^\s*Ask \(optional(?:, \+?(\d+(?:\.\d+)?) min)?\):\s*/i

/** What the plan saw of every slide, hidden or not, so the plan can be checked against the deck. */
export interface SeenSlide {
  alias?: string
  /** Scenario ids on the slide before any swap. */
  polls: string[]
}

const SCENARIO_ID = /(<Scenario(?:Poll|Card)\s(?:[^>]*\s)?id=["'])([a-z0-9-]+)(["'])/g

/** The preparser extension for `plan`; `onSlide` hears about every slide, hidden ones included. */
export function planPreparser(plan: Pick<SessionPlan, 'hide' | 'swaps' | 'optionalAsks'>, onSlide?: (slide: SeenSlide) => void): SlidevPreparserExtension {
  const hidden = new Set(plan.hide)
  const swaps = new Map(Object.entries(plan.swaps))
  return {
    name: 'session-plan',
    async transformSlide(content, frontmatter: Record<string, unknown>) {
      const alias = typeof frontmatter.routeAlias === 'string' ? frontmatter.routeAlias : undefined
      const polls = [...content.matchAll(SCENARIO_ID)].map(match => match[2]!)
      onSlide?.({ alias, polls })
      if (alias !== undefined && hidden.has(alias))
        frontmatter.hide = true
      if (!polls.some(id => swaps.has(id)))
        return undefined
      return content.replace(SCENARIO_ID, (whole, before: string, id: string, after: string) => swaps.has(id) ? `${before}${swaps.get(id)}${after}` : whole)
    },
    async transformNote(note) {
      if (plan.optionalAsks === 'keep' || note === undefined)
        return undefined
      return note.split('\n').filter(line => !OPTIONAL_ASK.test(line)).join('\n')
    },
  }
}

/** Minutes the optional prompts left in a note add to its slide. */
export function optionalAskMinutes(note: string): number {
  return note.split('\n').reduce((sum, line) => sum + Number(OPTIONAL_ASK.exec(line)?.[1] ?? 0), 0)
}
