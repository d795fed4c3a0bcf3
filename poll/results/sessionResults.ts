import type { PollStore, StoredPollResult } from '../store/pollStore'
import type { OpenResult, PollResult, ScaleResult, SessionResults } from './resultsFormat'
import { UserFacingError } from '../../lib/userFacingError'
import { scaleMedian } from '../scaleSummary'
import { RESULTS_FORMAT, RESULTS_VERSION, sessionResultsSchema } from './resultsFormat'

/** Aggregates a stored session into the results export, validated against its schema. */
export function buildSessionResults(store: PollStore, sessionId: string, now = new Date()): SessionResults {
  const session = store.session(sessionId)
  if (!session) {
    const known = store.listSessions().map(summary => summary.id)
    throw new UserFacingError(`No session "${sessionId}" in ${store.file}; ${known.length > 0 ? `known sessions: ${known.join(', ')}` : 'it holds no sessions yet'}.`)
  }
  const stored = store.results(sessionId)
  return sessionResultsSchema.parse({
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    exportedAt: now.toISOString(),
    session: { id: session.id, createdAt: session.createdAt },
    polls: stored.flatMap(choiceResult),
    scales: stored.flatMap(scaleResult),
    openPolls: stored.flatMap(openResult),
  })
}

function choiceResult({ definition, status, counts, excluded }: StoredPollResult): PollResult[] {
  if (definition.kind !== 'choice')
    return []
  return [{
    id: definition.id,
    title: definition.title,
    question: definition.question,
    choices: definition.choices,
    answer: definition.choices[definition.answer] ?? '',
    answerIndex: definition.answer,
    status,
    rounds: counts.map((roundCounts, index) => ({
      round: index + 1,
      voters: roundCounts.reduce((sum, n) => sum + n, 0),
      counts: roundCounts,
      excludedVotes: excluded[index] ?? 0,
    })),
  }]
}

function scaleResult({ definition, status, counts, excluded }: StoredPollResult): ScaleResult[] {
  if (definition.kind !== 'scale')
    return []
  const { id, title, question, min, max, minLabel, maxLabel } = definition
  return [{
    id,
    kind: 'scale',
    title,
    question,
    min,
    max,
    minLabel,
    maxLabel,
    status,
    rounds: counts.map((roundCounts, index) => ({
      round: index + 1,
      voters: roundCounts.reduce((sum, n) => sum + n, 0),
      counts: roundCounts,
      median: scaleMedian(roundCounts, min),
      excludedVotes: excluded[index] ?? 0,
    })),
  }]
}

function openResult({ definition, status, answers }: StoredPollResult): OpenResult[] {
  if (definition.kind !== 'open')
    return []
  return [{
    id: definition.id,
    kind: 'open',
    title: definition.title,
    question: definition.question,
    status,
    rounds: answers.map((round, index) => ({
      round: index + 1,
      respondents: round.respondents,
      answers: round.total,
      approved: round.approved.map(group => ({ ...group, approved: true as const })),
    })),
  }]
}
