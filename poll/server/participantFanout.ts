// The "poll changed" message for every phone, serialised once: each phone's copy differs
// only in its own votes, so the shared JSON is built once and the votes spliced in.
import type { PollRecord } from '../pollMachine'
import type { ParticipantPoll, ServerMessage } from '../protocol'
import { participantPoll } from '../pollViews'

/** A string JSON.stringify never produces from the kit's data, marking where a device's votes go. */
const MARK = '\u0000myVotes\u0000'

/** Returns a function giving the serialised `poll` message for one device. */
export function participantPollMessages(record: PollRecord | undefined): (device: string) => string {
  if (!record) {
    const none = JSON.stringify({ type: 'poll', poll: null } satisfies ServerMessage)
    return () => none
  }
  const shared: ParticipantPoll = { ...participantPoll(record, ''), myVotes: MARK as unknown as ParticipantPoll['myVotes'] }
  const [before, after] = JSON.stringify({ type: 'poll', poll: shared } satisfies ServerMessage).split(JSON.stringify(MARK))
  return device => `${before}${JSON.stringify(record.votes.map(votes => votes.get(device) ?? null))}${after}`
}
