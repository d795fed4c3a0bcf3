// What each role may see of a poll. The one place that decides that phones get the
// answer and the tallies only after the reveal, and that nobody but the moderating
// presenter sees an open answer before it is approved.
import type { PollRecord } from './pollRecord'
import type { AnswerGroup, AnswerRound, ParticipantPoll, PresenterPoll, RoundTally } from './protocol'
import { MAX_ANSWER_GRAPHEMES } from './answerText'
import { MAX_LISTED_GROUPS, MAX_QUEUE_GROUPS } from './protocol'
import { scaleMedian } from './scaleSummary'

/** Who looks at open answers: the room (phones, projectors) sees approved groups only. */
export type Audience = 'room' | 'moderator'

/** Votes per choice (or scale point) for every round of a poll; scale rounds carry their median. */
export function roundTallies(record: PollRecord): RoundTally[] {
  const { definition } = record
  return record.counts.map((counts, index) => ({
    round: index + 1,
    counts: [...counts],
    voters: definition.kind === 'open' ? record.answers.answered(index + 1) : record.votes[index]?.size ?? 0,
    ...(definition.kind === 'scale' ? { median: scaleMedian(counts, definition.min) } : {}),
  }))
}

/** An open poll's groups per round as `audience` may see them: the room the approved ones, most frequent first. */
export function answerRounds(record: PollRecord, audience: Audience): AnswerRound[] {
  const { answers } = record
  return answers.byDevice.map((_, index) => {
    const all: (AnswerGroup & { status: NonNullable<AnswerGroup['status']> })[] = []
    for (const [key, group] of answers.groups) {
      const count = group.counts[index] ?? 0
      if (count > 0)
        all.push({ key, text: group.text, count, status: answers.status(key), flagged: group.flagged })
    }
    const byCount = (a: AnswerGroup, b: AnswerGroup) => b.count - a.count || (a.key < b.key ? -1 : 1)
    if (audience === 'room') {
      const approved = all.filter(group => group.status === 'approved').sort(byCount)
      return {
        round: index + 1,
        groups: approved.slice(0, MAX_LISTED_GROUPS).map(({ key, text, count }) => ({ key, text, count })),
        more: Math.max(0, approved.length - MAX_LISTED_GROUPS),
        answers: approved.reduce((sum, group) => sum + group.count, 0),
      }
    }
    // The queue: what waits for a decision first, then the most frequent.
    const queue = all.sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || byCount(a, b))
    const byStatus = { pending: 0, approved: 0, hidden: 0 }
    for (const group of all)
      byStatus[group.status] += group.count
    return {
      round: index + 1,
      groups: queue.slice(0, MAX_QUEUE_GROUPS),
      more: Math.max(0, queue.length - MAX_QUEUE_GROUPS),
      answers: byStatus.pending + byStatus.approved + byStatus.hidden,
      byStatus,
    }
  })
}

/** A phone's view: its own votes and answers always; answer, rationale and tallies only once revealed. */
export function participantPoll(record: PollRecord, device: string): ParticipantPoll {
  const { definition } = record
  const isChoice = definition.kind === 'choice'
  return {
    kind: definition.kind,
    id: definition.id,
    title: definition.title,
    situation: definition.situation,
    question: definition.question,
    choices: isChoice ? [...definition.choices] : [],
    scale: definition.kind === 'scale' ? { min: definition.min, max: definition.max, minLabel: definition.minLabel, maxLabel: definition.maxLabel } : null,
    open: definition.kind === 'open' ? { maxAnswers: definition.maxAnswers, maxLength: MAX_ANSWER_GRAPHEMES } : null,
    status: record.status,
    round: record.round,
    myVotes: record.votes.map(votes => votes.get(device) ?? null),
    myAnswers: record.answers.byDevice.map(devices => (devices.get(device) ?? []).map(answer => answer.text)),
    reveal: record.status === 'revealed'
      ? {
          answer: isChoice ? definition.answer : null,
          rationale: isChoice ? definition.rationale : '',
          debrief: [...definition.debrief],
          rounds: roundTallies(record),
          ...(definition.kind === 'open' ? { answers: answerRounds(record, 'room') } : {}),
        }
      : null,
  }
}

/** The deck's view: state, answer, every round's tally and, for open polls, the answers `audience` may see. */
export function presenterPoll(record: PollRecord, audience: Audience = 'room'): PresenterPoll {
  const { definition } = record
  return {
    id: definition.id,
    kind: definition.kind,
    status: record.status,
    round: record.round,
    answer: definition.kind === 'choice' ? definition.answer : null,
    rounds: roundTallies(record),
    display: { ...record.display },
    ...(definition.kind === 'open' ? { answers: answerRounds(record, audience) } : {}),
  }
}
