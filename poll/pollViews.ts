// What each role may see of a poll. The one place that decides that phones get the
// answer and the tallies only after the reveal.
import type { PollRecord } from './pollMachine'
import type { ParticipantPoll, PresenterPoll, RoundTally } from './protocol'

/** Votes per choice for every round of a poll. */
export function roundTallies(record: PollRecord): RoundTally[] {
  return record.counts.map((counts, index) => ({ round: index + 1, counts: [...counts], voters: record.votes[index]?.size ?? 0 }))
}

/** A phone's view: its own votes always; answer, rationale and tallies only once revealed. */
export function participantPoll(record: PollRecord, device: string): ParticipantPoll {
  const { definition } = record
  return {
    id: definition.id,
    title: definition.title,
    situation: definition.situation,
    question: definition.question,
    choices: [...definition.choices],
    status: record.status,
    round: record.round,
    myVotes: record.votes.map(votes => votes.get(device) ?? null),
    reveal: record.status === 'revealed'
      ? { answer: definition.answer, rationale: definition.rationale, debrief: [...definition.debrief], rounds: roundTallies(record) }
      : null,
  }
}

/** The deck's view: state, answer and every round's tally. */
export function presenterPoll(record: PollRecord): PresenterPoll {
  return {
    id: record.definition.id,
    status: record.status,
    round: record.round,
    answer: record.definition.answer,
    rounds: roundTallies(record),
    display: { ...record.display },
  }
}
