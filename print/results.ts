// Reads the poll server's results export and turns it into what the session report
// shows: per poll the distribution, the share that matched the intended answer, the
// round 1 → round 2 shift, and how split the room was.
//
// "Split" is the normalised Shannon entropy of the final round's votes over the poll's
// choices: −Σ pᵢ·ln pᵢ / ln k for k choices. 0 means everyone chose the same; 1 means
// the votes spread evenly over every choice. Unlike "1 − top share" it tells a 50/50
// two-way split (0.63 with three choices) from a room that agrees on one answer.
import type { z } from 'zod'
import type { ScenarioLibrary } from '../content/loadScenarios.ts'
import type { Scenario } from '../content/scenarioSchema.ts'
import type { PollResult, SessionResults } from '../poll/results/resultsFormat.ts'
import type { OpenAnalysis, ScaleAnalysis } from './promptResults.ts'
import { readFileSync } from 'node:fs'
import { displayPath } from '../lib/displayPath.ts'
import { UserFacingError } from '../lib/userFacingError.ts'
import { RESULTS_FORMAT, sessionResultsSchema } from '../poll/results/resultsFormat.ts'
import { analyseOpen, analyseScale } from './promptResults.ts'

/** A poll is worth revisiting from this split on… */
export const WORTH_REVISITING_SPLIT = 0.85
/** …or when fewer than this share of the final round chose the intended answer. */
export const WORTH_REVISITING_MATCHED = 0.6

export interface RoundAnalysis {
  round: number
  voters: number
  counts: number[]
  /** Share of the round's voters per choice, 0–1 (all 0 when nobody voted). */
  shares: number[]
  /** Share that chose the intended answer, 0–1; undefined when nobody voted. */
  matched?: number
}

export interface PollAnalysis {
  poll: PollResult
  /** The library's scenario with this id (for its section, rationale and debrief). */
  scenario: Scenario
  rounds: RoundAnalysis[]
  /** The last round anyone voted in; undefined when nobody voted at all. */
  final?: RoundAnalysis
  /** Normalised entropy of the final round, 0–1; 0 when nobody voted. */
  split: number
  /** Round 1 → round 2 change in the share that matched the intended answer, when both rounds have votes. */
  shift?: { from: number, to: number }
  worthRevisiting: boolean
  /** True when the library's choices or answer differ from what the room voted on. */
  changedSinceSession: boolean
}

export interface SessionAnalysis {
  results: SessionResults
  /** Every poll, most split first (ties: fewer matched first, then the order they ran). */
  polls: PollAnalysis[]
  /** Scenarios of the library that the session never polled. */
  unpolled: number
  /** Scale polls, in the order they were first opened. */
  scales: ScaleAnalysis[]
  /** Open polls, in the order they were first opened. */
  openPolls: OpenAnalysis[]
}

/** Reads and validates a results export; every failure is a UserFacingError with a one-line message. */
export function readResultsFile(path: string): SessionResults {
  const name = displayPath(path)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  }
  catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserFacingError(code === 'ENOENT'
      ? `Results file ${name} does not exist; export one with: npm run results -- --session NAME --out ${name}`
      : `Results file ${name} cannot be read (${code ?? String(error)}).`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  }
  catch (error) {
    throw new UserFacingError(`Results file ${name} is not JSON (${(error as Error).message.replace(/\s+/g, ' ').trim()}); use the file that npm run results -- --session NAME writes.`)
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== RESULTS_FORMAT)
    throw new UserFacingError(`Results file ${name} is not a poll results export (it lacks "format": "${RESULTS_FORMAT}"); use the file that npm run results -- --session NAME writes.`)
  const parsed = sessionResultsSchema.safeParse(data)
  if (!parsed.success)
    throw new UserFacingError(`Results file ${name} does not have the shape of a poll results export: ${describeIssues(parsed.error.issues)}.`)
  return parsed.data
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 3).map(issue => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
  const more = issues.length > 3 ? `; and ${issues.length - 3} more` : ''
  return shown.join('; ') + more
}

/** Analyses every poll; throws a UserFacingError when a poll id is not a scenario of `library`. */
export function analyseSession(results: SessionResults, library: ScenarioLibrary, fileName = 'The results file'): SessionAnalysis {
  const unknown = results.polls.map(poll => poll.id).filter(id => !library.byId.has(id))
  if (unknown.length > 0) {
    const list = unknown.slice(0, 5).map(id => `"${id}"`).join(', ') + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : '')
    throw new UserFacingError(`${fileName} has ${unknown.length === 1 ? 'a poll' : 'polls'} that the scenario library does not have: ${list}. It comes from another scenario set; pass that set with --scenarios DIR.`)
  }
  const polls = results.polls.map(poll => analysePoll(poll, library.byId.get(poll.id)!))
  const order = new Map(results.polls.map((poll, index) => [poll.id, index]))
  polls.sort((a, b) => b.split - a.split
    || (a.final?.matched ?? 1) - (b.final?.matched ?? 1)
    || order.get(a.poll.id)! - order.get(b.poll.id)!)
  const polled = new Set(results.polls.map(poll => poll.id))
  return {
    results,
    polls,
    unpolled: library.scenarios.filter(scenario => !polled.has(scenario.id)).length,
    scales: (results.scales ?? []).map(analyseScale),
    openPolls: (results.openPolls ?? []).map(analyseOpen),
  }
}

/** Distribution, match share, split and shift of one poll. */
export function analysePoll(poll: PollResult, scenario: Scenario): PollAnalysis {
  const rounds = poll.rounds.map((round): RoundAnalysis => ({
    round: round.round,
    voters: round.voters,
    counts: round.counts,
    shares: round.counts.map(count => (round.voters === 0 ? 0 : count / round.voters)),
    matched: round.voters === 0 ? undefined : (round.counts[poll.answerIndex] ?? 0) / round.voters,
  }))
  const final = [...rounds].reverse().find(round => round.voters > 0)
  const split = final ? normalisedEntropy(final.shares) : 0
  const [first, second] = rounds
  const shift = first?.matched !== undefined && second?.matched !== undefined
    ? { from: first.matched, to: second.matched }
    : undefined
  const changedSinceSession = scenario.answer !== poll.answer
    || scenario.choices.length !== poll.choices.length
    || scenario.choices.some((choice, index) => choice !== poll.choices[index])
  return {
    poll,
    scenario,
    rounds,
    final,
    split,
    shift,
    worthRevisiting: final !== undefined && (split >= WORTH_REVISITING_SPLIT || (final.matched ?? 0) < WORTH_REVISITING_MATCHED),
    changedSinceSession,
  }
}

/** −Σ p·ln p / ln k over k shares that sum to 1; 0 for fewer than two choices. */
export function normalisedEntropy(shares: readonly number[]): number {
  if (shares.length < 2)
    return 0
  const entropy = shares.reduce((sum, share) => (share > 0 ? sum - share * Math.log(share) : sum), 0)
  return Math.min(1, Math.max(0, entropy / Math.log(shares.length)))
}

/** A share as a whole percentage, e.g. 0.625 → "63%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}
