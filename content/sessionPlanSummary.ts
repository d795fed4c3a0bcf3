// The plan as the deck's slides need it: plain JSON, no Node imports, so components can read it.
import type { DeckPlan } from './deckPlan.ts'
import type { ScenarioLibrary } from './loadScenarios.ts'
import type { SectionId } from './sections.ts'

/** A break is a slide with this routeAlias: the agenda lists it as its own row. */
export const BREAK_ALIAS = 'break'

export interface AgendaRow {
  /** The part's title; the opening and the conclusion are called that. */
  title: string
  /** Index of the deck part the row belongs to. */
  part: number
  minutes: number
  /** Minute of the session the row starts at. */
  from: number
  isBreak: boolean
}

export interface SummaryPoll {
  number: number
  scenarioId: string
  section: SectionId
  title: string
}

export interface SessionPlanSummary {
  /** "60", "90", or '' when the deck runs without a plan. */
  name: string
  title: string
  /** The plan's length, or the deck's own total without a plan. */
  minutes: number
  agenda: AgendaRow[]
  polls: SummaryPoll[]
}

/** The agenda (parts, with a break as its own row) and the numbered polls of a deck plan. */
export function summarisePlan(deck: DeckPlan, library: Pick<ScenarioLibrary, 'byId'>): SessionPlanSummary {
  const agenda: AgendaRow[] = []
  let from = 0
  deck.parts.forEach((part, index) => {
    const breaks = part.slides.filter(slide => slide.alias === BREAK_ALIAS)
    const breakMinutes = breaks.reduce((sum, slide) => sum + slide.minutes, 0)
    // The first and last files frame the five sections; their first slides' titles say nothing of that.
    const title = index === 0 ? 'Opening' : index === deck.parts.length - 1 ? 'Conclusion' : part.title
    agenda.push({ title, part: index, minutes: part.minutes - breakMinutes, from, isBreak: false })
    from += part.minutes - breakMinutes
    if (breaks.length > 0) {
      agenda.push({ title: 'Break', part: index, minutes: breakMinutes, from, isBreak: true })
      from += breakMinutes
    }
  })
  const polls = deck.polls.flatMap((poll) => {
    const scenario = library.byId.get(poll.scenarioId)
    return scenario ? [{ number: poll.number, scenarioId: poll.scenarioId, section: scenario.section, title: scenario.title }] : []
  })
  return {
    name: deck.plan?.name ?? '',
    title: deck.plan?.title ?? 'The whole deck',
    minutes: deck.plan?.minutes ?? deck.totalMinutes,
    agenda,
    polls,
  }
}
