// The burst of the poll benchmark for scale and open polls: every phone answers at once
// through the poll client and counts as confirmed when the server acknowledges (after commit).
import type { PollDefinition } from '../../poll/pollDefinition'
import type { Phone } from './benchCrowd'
import { performance } from 'node:perf_hooks'

/** Distinct open answers in the burst: a word cloud has far fewer words than people. */
export const OPEN_ANSWER_VARIETY = 500

/** What phone `choice` sends to a poll of this kind (its value or its answer text). */
async function sendFor(phone: Phone, poll: PollDefinition): Promise<void> {
  if (poll.kind === 'scale')
    return phone.client.scale(poll.id, 1, poll.min + phone.choice)
  await phone.client.answer(poll.id, 1, `Answer number ${phone.choice % OPEN_ANSWER_VARIETY}`)
}

/** Every phone answers a scale or open poll at once; `duplicateShare` of them send it twice (the second is a repeat, not counted). */
export function burstKind(phones: Phone[], poll: PollDefinition, duplicateShare: number, onConfirmed: (phone: Phone) => void): number {
  let duplicates = 0
  const confirm = (phone: Phone) => {
    phone.acked.push(phone.choice)
    if (phone.confirmedAt === undefined) {
      phone.confirmedAt = performance.now()
      onConfirmed(phone)
    }
  }
  phones.forEach((phone, index) => {
    phone.sentAt = performance.now()
    void sendFor(phone, poll).then(() => confirm(phone), () => {})
    if (index % Math.round(1 / duplicateShare) === 0) {
      void sendFor(phone, poll).then(() => {}, () => {})
      duplicates++
    }
  })
  return duplicates
}
