// What the session report shows of the polls without an intended answer: for a scale
// poll each round's median and how far the middle moved; for an open poll the approved
// answers (most frequent first) and how many answers the room never saw.
import type { OpenResult, ScaleResult } from '../poll/results/resultsFormat.ts'
import { compareScaleRounds } from '../poll/scaleSummary.ts'

/** The open poll whose answers close the report: "what the room will do differently". */
export const CLOSING_POLL_ID = 'monday-differently'

export interface ScaleAnalysis {
  poll: ScaleResult
  /** Each round's median value, from its counts (the export's own field may be hand-edited); null without votes. */
  medians: (number | null)[]
  /** Round 2's median minus round 1's, in points; null unless both rounds have votes. */
  medianShift: number | null
  /** The shift in words: "The room moved 1 point towards executor." */
  shiftText: string
}

export interface OpenRoundAnalysis {
  round: number
  respondents: number
  answers: number
  groups: { text: string, count: number }[]
  /** Answers counted but not in the export: hidden, still pending, or beyond the listed groups. */
  notShown: number
}

export interface OpenAnalysis {
  poll: OpenResult
  rounds: OpenRoundAnalysis[]
}

/** "Executor" → "executor" in running text; an acronym or a name ("PMO", "McKinsey") stays as written. */
function inSentence(label: string): string {
  return /^\p{Lu}[\p{Ll}\s-]*$/u.test(label) ? label.toLocaleLowerCase('en') : label
}

/** "1 point", "0.5 points", "2 points". */
function pointsLabel(points: number): string {
  const value = Math.round(Math.abs(points) * 10) / 10
  return `${value} ${value === 1 ? 'point' : 'points'}`
}

export function analyseScale(poll: ScaleResult): ScaleAnalysis {
  const { rounds, medianShift } = compareScaleRounds(poll.rounds.map(round => round.counts))
  const medians = rounds.map(round => (round.median === null ? null : poll.min + round.median))
  const voted = poll.rounds.filter(round => round.voters > 0)
  let shiftText: string
  if (medianShift === null)
    shiftText = voted.length === 0 ? 'Nobody placed themselves on this scale.' : 'The room placed itself once; a second round at the end would show whether it moved.'
  else if (medianShift === 0)
    shiftText = `The room's middle stayed where it was (median ${medians[0]}).`
  else
    shiftText = `The room moved ${pointsLabel(medianShift)} towards ${inSentence(medianShift > 0 ? poll.maxLabel : poll.minLabel)}.`
  return { poll, medians, medianShift, shiftText }
}

export function analyseOpen(poll: OpenResult): OpenAnalysis {
  return {
    poll,
    rounds: poll.rounds.map((round) => {
      // The export lists approved groups most frequent first; sorted again so a hand-made file reads the same.
      const groups = round.approved
        .map(({ text, count }) => ({ text, count }))
        .sort((a, b) => b.count - a.count)
      const shown = groups.reduce((sum, group) => sum + group.count, 0)
      return { round: round.round, respondents: round.respondents, answers: round.answers, groups, notShown: Math.max(0, round.answers - shown) }
    }),
  }
}
