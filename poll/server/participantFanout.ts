// The "poll changed" message for every phone, serialised once: each phone's copy differs
// only in its own votes and open answers, so the shared JSON is built once and those spliced in.
import type { PollRecord } from '../pollRecord'
import type { ParticipantPoll, ServerMessage } from '../protocol'
import { participantPoll } from '../pollViews'

/** Strings JSON.stringify never produces from the kit's data, marking where a device's votes and answers go. */
const VOTES_MARK = '\u0000myVotes\u0000'
const ANSWERS_MARK = '\u0000myAnswers\u0000'

/** Returns a function giving the serialised `poll` message for one device. */
export function participantPollMessages(record: PollRecord | undefined): (device: string) => string {
  if (!record) {
    const none = JSON.stringify({ type: 'poll', poll: null } satisfies ServerMessage)
    return () => none
  }
  const shared: ParticipantPoll = {
    ...participantPoll(record, ''),
    myVotes: VOTES_MARK as unknown as ParticipantPoll['myVotes'],
    myAnswers: ANSWERS_MARK as unknown as ParticipantPoll['myAnswers'],
  }
  const json = JSON.stringify({ type: 'poll', poll: shared } satisfies ServerMessage)
  const [before = '', rest = ''] = json.split(JSON.stringify(VOTES_MARK))
  const [between = '', after = ''] = rest.split(JSON.stringify(ANSWERS_MARK))
  const { answers } = record
  return device => `${before}${JSON.stringify(record.votes.map(votes => votes.get(device) ?? null))}${between}${JSON.stringify(answers.byDevice.map(devices => (devices.get(device) ?? []).map(answer => answer.text)))}${after}`
}
