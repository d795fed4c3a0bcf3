// What each screen shows of an open poll's answers. The server already sends a projector
// approved groups only; the presenter's own (moderating) link gets every group with its
// status, and its slide must still show the room's picture: approved only.
import type { AnswerGroup, AnswerRound, ModerationStatus } from '../poll/protocol'
import type { WordGroup } from '../poll/wordCloudLayout'

/** The round's groups the room may see: approved ones (a projector's groups carry no status, and are all approved). */
export function roomGroups(round: AnswerRound | undefined): WordGroup[] {
  return (round?.groups ?? [])
    .filter(group => (group.status ?? 'approved') === 'approved' && group.count > 0)
    .map(({ key, text, count }) => ({ key, text, count }))
}

/** Answers the room's cloud stands for: approved ones only. */
export function roomAnswerCount(round: AnswerRound | undefined): number {
  if (!round)
    return 0
  return round.byStatus ? round.byStatus.approved : round.answers
}

export interface ModerationQueue {
  /** Pending groups first, then approved, then hidden; the most answers first within each. */
  groups: AnswerGroup[]
  /** Answers per status. */
  byStatus: Record<ModerationStatus, number>
  /** Groups the server left out of the list. */
  more: number
}

const ORDER: Readonly<Record<ModerationStatus, number>> = { pending: 0, approved: 1, hidden: 2 }

/** The moderator's queue for a round; undefined for a link that got no statuses (a projector). */
export function moderationQueue(round: AnswerRound | undefined): ModerationQueue | undefined {
  if (!round?.byStatus)
    return undefined
  const groups = round.groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => ORDER[a.group.status ?? 'pending'] - ORDER[b.group.status ?? 'pending'] || b.group.count - a.group.count || a.index - b.index)
    .map(({ group }) => group)
  return { groups, byStatus: round.byStatus, more: round.more }
}
