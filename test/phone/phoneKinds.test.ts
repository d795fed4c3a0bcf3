import type { PhoneState } from '../../poll/phone/phoneState'
import type { ParticipantPoll } from '../../poll/protocol'
import { describe, expect, it } from 'vitest'
import { answerLength, answerStatus, canAnswer, initialPhoneState, myAnswers, scaleValue, screenOf, voteStatus, withAnswerError, withAnswerResult, withAnswerSent, withServerMessage, withVoteResult, withVoteSent } from '../../poll/phone/phoneState'

const base: Omit<ParticipantPoll, 'kind' | 'scale' | 'open'> = { id: 'p', title: 'T', situation: '', question: 'Q', choices: [], status: 'open', round: 1, myVotes: [null], myAnswers: [[]], reveal: null }
function scalePoll(patch: Partial<ParticipantPoll> = {}): ParticipantPoll {
  return { ...base, kind: 'scale', scale: { min: 1, max: 7, minLabel: 'Visionary', maxLabel: 'Executor' }, open: null, ...patch }
}
function openPoll(patch: Partial<ParticipantPoll> = {}): ParticipantPoll {
  return { ...base, kind: 'open', scale: null, open: { maxAnswers: 2, maxLength: 60 }, ...patch }
}
const joined = (p: ParticipantPoll | null): PhoneState => withServerMessage({ ...initialPhoneState, code: 'K7QFM', link: 'open' }, { type: 'snapshot', v: 4, role: 'participant', session: 's', poll: p })
const update = (state: PhoneState, p: ParticipantPoll | null): PhoneState => withServerMessage(state, { type: 'poll', poll: p })

describe('a scale poll on the phone', () => {
  const value = (state: PhoneState) => (index: number) => String(scaleValue(state.poll!, index))
  const status = (state: PhoneState) => voteStatus(state, value(state))

  it('says "answer received" with the value only after the server acknowledged it', () => {
    let state = joined(scalePoll())
    expect(screenOf(state)).toBe('vote')
    expect(status(state)).toBe('Tap your answer.')
    state = withVoteSent(state, { poll: 'p', round: 1, choice: 3 })
    expect(status(state)).toBe('Sending your answer (4)…')
    state = withVoteResult(state, { ok: true, vote: { id: '', poll: 'p', round: 1, choice: 3 } })
    expect(status(state)).toBe('Answer received: 4. You can change it while voting is open.')
    expect(state.poll?.myVotes).toEqual([3])
  })

  it('shows the stored value after a reload from the index the snapshot holds, offset by the scale\'s minimum', () => {
    const state = joined(scalePoll({ scale: { min: -2, max: 2, minLabel: 'No', maxLabel: 'Yes' }, myVotes: [4] }))
    expect(status(state)).toBe('Answer received: 2. You can change it while voting is open.')
    expect(status(joined(scalePoll({ status: 'closed', myVotes: [0] })))).toBe('Voting is closed. Your answer: 1.')
  })

  it('explains a value sent without a connection and keeps the stored one', () => {
    let state = withVoteSent(joined(scalePoll({ myVotes: [1] })), { poll: 'p', round: 1, choice: 5 })
    state = withVoteResult(state, { ok: false, vote: { id: '', poll: 'p', round: 1, choice: 5 }, code: 'offline', message: 'offline' })
    expect(status(state)).toBe('No connection: your answer was not sent. Tap it again when the connection is back.')
    expect(state.poll?.myVotes).toEqual([1])
  })
})

describe('an open poll on the phone', () => {
  it('counts characters as the server does: grapheme clusters of the normalised text', () => {
    expect(answerLength('  Planning  ', 60)).toEqual({ count: 8, over: false })
    expect(answerLength('👩‍💻 builds', 60)).toEqual({ count: 8, over: false })
    expect(answerLength('x'.repeat(61), 60)).toEqual({ count: 61, over: true })
    expect(answerLength('👨‍👩‍👧‍👦'.repeat(60), 60)).toEqual({ count: 60, over: false })
  })

  it('lists an answer once the server stored it, as stored, and counts down to the limit', () => {
    let state = joined(openPoll())
    expect(answerStatus(state)).toBe('You can give up to 2 answers.')
    state = withAnswerSent(state, { poll: 'p', round: 1, text: ' planning ' })
    expect(answerStatus(state)).toBe('Sending your answer…')
    expect(myAnswers(state.poll!)).toEqual([])
    state = withAnswerResult(state, { ok: true, poll: 'p', round: 1, text: 'planning', key: 'planning' })
    expect(myAnswers(state.poll!)).toEqual(['planning'])
    expect(answerStatus(state)).toBe('Answer received. You can give 1 more.')
    // The same answer again is acknowledged, not stored twice.
    state = withAnswerResult(withAnswerSent(state, { poll: 'p', round: 1, text: 'Planning.' }), { ok: true, poll: 'p', round: 1, text: 'planning', key: 'planning' })
    expect(myAnswers(state.poll!)).toEqual(['planning'])
    state = withAnswerResult(withAnswerSent(state, { poll: 'p', round: 1, text: 'risk' }), { ok: true, poll: 'p', round: 1, text: 'risk', key: 'risk' })
    expect(canAnswer(state.poll!)).toBe(false)
    expect(answerStatus(state)).toBe('Limit reached: you have given 2 answers, the most for this round.')
  })

  it('puts typed server errors in plain words and forgets nothing stored', () => {
    const sent = withAnswerSent(joined(openPoll({ myAnswers: [['risk']] })), { poll: 'p', round: 1, text: 'late' })
    const refused = (code: 'too-many-answers' | 'poll-not-open' | 'bad-answer' | 'server-error', message = 'm') => withAnswerResult(sent, { ok: false, poll: 'p', round: 1, code, message })
    expect(refused('too-many-answers').answerError).toBe('You have already given the most answers for this round.')
    expect(answerStatus(refused('too-many-answers'))).toBe('')
    expect(refused('poll-not-open').answerError).toBe('Answering had closed before your answer arrived, so it was not saved.')
    expect(refused('bad-answer', 'The answer is empty.').answerError).toBe('The answer is empty.')
    expect(refused('server-error').answerError).toBe('Your answer was not saved; please try again.')
    expect(refused('poll-not-open').answering).toBeNull()
    expect(myAnswers(refused('poll-not-open').poll!)).toEqual(['risk'])
    expect(withAnswerError(joined(openPoll()), 'The answer is empty.').answerError).toBe('The answer is empty.')
  })

  it('shows the stored answers of the current round after a reload, and a new round starts empty', () => {
    const state = joined(openPoll({ myAnswers: [['planning', 'risk']] }))
    expect(myAnswers(state.poll!)).toEqual(['planning', 'risk'])
    expect(canAnswer(state.poll!)).toBe(false)
    const round2 = update(withAnswerError(state, 'x'), openPoll({ round: 2, myVotes: [null, null], myAnswers: [['planning', 'risk'], []] }))
    expect(myAnswers(round2.poll!)).toEqual([])
    expect(round2.answerError).toBe('')
    expect(answerStatus(round2)).toBe('You can give up to 2 answers.')
  })

  it('stops sending when the poll closes and says so', () => {
    const sent = withAnswerSent(joined(openPoll()), { poll: 'p', round: 1, text: 'late' })
    const closed = update(sent, openPoll({ status: 'closed' }))
    expect(closed.answering).toBeNull()
    expect(answerStatus(closed)).toBe('Answering is closed. You did not answer this round.')
  })
})
