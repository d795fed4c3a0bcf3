import type { PollStore } from '../store/pollStore'
import type { SessionResults } from './resultsFormat'
import { UserFacingError } from '../../lib/userFacingError'
import { RESULTS_FORMAT, RESULTS_VERSION, sessionResultsSchema } from './resultsFormat'

/** Aggregates a stored session into the results export, validated against its schema. */
export function buildSessionResults(store: PollStore, sessionId: string, now = new Date()): SessionResults {
  const session = store.session(sessionId)
  if (!session) {
    const known = store.listSessions().map(summary => summary.id)
    throw new UserFacingError(`No session "${sessionId}" in ${store.file}; ${known.length > 0 ? `known sessions: ${known.join(', ')}` : 'it holds no sessions yet'}.`)
  }
  return sessionResultsSchema.parse({
    format: RESULTS_FORMAT,
    version: RESULTS_VERSION,
    exportedAt: now.toISOString(),
    session: { id: session.id, createdAt: session.createdAt },
    polls: store.results(sessionId).map(({ definition, status, counts, excluded }) => ({
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
    })),
  })
}
