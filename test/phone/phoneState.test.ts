import type { PhoneState } from '../../poll/phone/phoneState'
import type { ParticipantPoll } from '../../poll/protocol'
import { describe, expect, it } from 'vitest'
import { choiceLetter as letter } from '../../poll/choiceLetter'
import { cleanJoinCode, joinCodeFromLocation } from '../../poll/phone/joinCode'
import { initialPhoneState, linkLabel, screenOf, voteStatus, withServerMessage, withVoteResult, withVoteSent } from '../../poll/phone/phoneState'

function poll(patch: Partial<ParticipantPoll> = {}): ParticipantPoll {
  return { kind: 'choice', id: 'p', title: 'T', situation: 'S', question: 'Q', choices: ['a', 'b', 'c'], scale: null, open: null, status: 'open', round: 1, myVotes: [null], myAnswers: [[]], reveal: null, ...patch }
}
const joined = (p: ParticipantPoll | null): PhoneState => withServerMessage({ ...initialPhoneState, code: 'K7QFM', link: 'open' }, { type: 'snapshot', v: 1, role: 'participant', session: 's', poll: p })
const status = (state: PhoneState) => voteStatus(state, letter)

describe('join codes', () => {
  it('reads the code from the QR link or a ?code= query, ignoring case, spaces and dashes', () => {
    expect(joinCodeFromLocation({ pathname: '/K7QFM', search: '' })).toBe('K7QFM')
    expect(joinCodeFromLocation({ pathname: '/', search: '?code=k7q-fm' })).toBe('K7QFM')
    expect(joinCodeFromLocation({ pathname: '/', search: '' })).toBeNull()
    expect(cleanJoinCode(' k7 qfm ')).toBe('K7QFM')
    expect(cleanJoinCode('<b>')).toBeNull()
    expect(cleanJoinCode('%3Cscript')).toBeNull()
  })
})

describe('the vote page state', () => {
  it('shows the join form without a code, a waiting screen without an open poll, and the poll once open', () => {
    expect(screenOf(initialPhoneState)).toBe('join')
    expect(screenOf({ ...initialPhoneState, code: 'K7QFM' })).toBe('connecting')
    expect(screenOf(joined(null))).toBe('waiting')
    expect(screenOf(joined(poll({ status: 'draft' })))).toBe('waiting')
    expect(screenOf(joined(poll()))).toBe('vote')
    expect(screenOf(joined(poll({ status: 'closed' })))).toBe('vote')
    expect(screenOf(joined(poll({ status: 'revealed', reveal: { answer: 0, rationale: 'R', debrief: [], rounds: [] } })))).toBe('revealed')
  })

  it('says "vote received" only after the server acknowledged the vote', () => {
    let state = joined(poll())
    expect(status(state)).toBe('Tap your answer.')
    state = withVoteSent(state, { poll: 'p', round: 1, choice: 1 })
    expect(status(state)).toBe('Sending your vote (B)…')
    state = withVoteResult(state, { ok: true, vote: { id: 'v1', poll: 'p', round: 1, choice: 1 } })
    expect(status(state)).toBe('Vote received: B. You can change it while voting is open.')
    expect(state.poll?.myVotes).toEqual([1])
  })

  it('tells a phone without a connection that its vote waits to be sent', () => {
    const state = withVoteSent({ ...joined(poll()), link: 'reconnecting' }, { poll: 'p', round: 1, choice: 0 })
    expect(status(state)).toBe('No connection: your vote (A) will be sent when it is back.')
  })

  it('explains a refused vote and forgets it', () => {
    let state = withVoteSent(joined(poll()), { poll: 'p', round: 1, choice: 2 })
    state = withVoteResult(state, { ok: false, vote: { id: 'v1', poll: 'p', round: 1, choice: 2 }, code: 'poll-not-open', message: 'closed' })
    expect(status(state)).toBe('Voting had closed before your vote arrived, so it did not count.')
    expect(state.sending).toBeNull()
  })

  it('keeps the vote the server remembers for this device after a reload', () => {
    expect(status(joined(poll({ myVotes: [2] })))).toBe('Vote received: C. You can change it while voting is open.')
    expect(status(joined(poll({ status: 'closed', myVotes: [2] })))).toBe('Voting is closed. Your vote: C.')
    expect(status(joined(poll({ status: 'open', round: 2, myVotes: [2, null] })))).toBe('Tap your answer.')
  })

  it('drops a sending vote when a new round starts', () => {
    const state = withVoteSent(joined(poll()), { poll: 'p', round: 1, choice: 2 })
    const next = withServerMessage(state, { type: 'poll', poll: poll({ round: 2, myVotes: [null, null] }) })
    expect(next.sending).toBeNull()
  })

  it('labels the connection in words', () => {
    expect([linkLabel('open'), linkLabel('connecting'), linkLabel('reconnecting'), linkLabel('stopped')]).toEqual(['Connected', 'Connecting…', 'Reconnecting…', 'Disconnected'])
  })
})
