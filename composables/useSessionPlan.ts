import type { SummaryPoll } from '../content/sessionPlanSummary'
import plan from 'virtual:session-plan'
import { learningObjectives } from '../content/learningGoals'

/** The session plan the deck was started with (`npm start -- --plan 60`). */
export function useSessionPlan() {
  return plan
}

/** The number the room knows a poll by, the same on slide, phone and handout; undefined for a poll the plan does not show. */
export function pollNumber(scenarioId: string): number | undefined {
  return plan.polls.find(poll => poll.scenarioId === scenarioId)?.number
}

/** Each learning objective with the shown polls that check it. */
export function objectivesWithPolls(): { text: string, polls: SummaryPoll[] }[] {
  return learningObjectives.map(objective => ({
    text: objective.text,
    polls: plan.polls.filter(poll => objective.checkedIn.includes(poll.section)),
  }))
}
