// The answers of one open poll: per round, what each device gave; per key, the group
// the room may see once the presenter approves it. Pure and in memory, like the machine.
import type { ModerationStatus } from './protocol'
import { hasBlockedWord } from './blockedWords'

/** Answers that normalise to the same key. */
export interface AnswerGroupState {
  /** The text as first given. */
  readonly text: string
  /** The built-in word list matched: hidden until the presenter approves. */
  readonly flagged: boolean
  /** Answers per round (index 0 is round 1). */
  readonly counts: number[]
}

export interface GivenAnswer {
  readonly seq: number
  readonly text: string
  readonly key: string
}

export type AddResult = 'added' | 'repeat' | 'full'

export class OpenAnswers {
  /** Per round: device → its answers in the order given. */
  readonly byDevice: Map<string, GivenAnswer[]>[] = [new Map()]
  readonly groups = new Map<string, AnswerGroupState>()
  /** The presenter's decisions, which outlive a group's answers (a key approved stays approved in round 2). */
  readonly decisions = new Map<string, Exclude<ModerationStatus, 'pending'>>()

  addRound(): void {
    this.byDevice.push(new Map())
  }

  /** Where a group stands: the presenter's decision, else hidden when flagged, else pending. */
  status(key: string): ModerationStatus {
    return this.decisions.get(key) ?? (this.groups.get(key)?.flagged ? 'hidden' : 'pending')
  }

  /** Adds one answer; the same key again from the device is a repeat (a resend), not a second answer. */
  add(round: number, device: string, answer: { text: string, key: string }, maxAnswers: number, seq?: number): AddResult {
    const devices = this.byDevice[round - 1]
    if (!devices)
      return 'full'
    const given = devices.get(device) ?? []
    if (given.some(previous => previous.key === answer.key))
      return 'repeat'
    if (given.length >= maxAnswers)
      return 'full'
    given.push({ seq: seq ?? nextSeq(given), text: answer.text, key: answer.key })
    devices.set(device, given)
    let group = this.groups.get(answer.key)
    if (!group) {
      group = { text: answer.text, flagged: hasBlockedWord(answer.key), counts: [] }
      this.groups.set(answer.key, group)
    }
    group.counts[round - 1] = (group.counts[round - 1] ?? 0) + 1
    return 'added'
  }

  /** The seq the device's latest answer in this round was stored under. */
  lastSeq(round: number, device: string): number {
    return this.byDevice[round - 1]?.get(device)?.at(-1)?.seq ?? 0
  }

  /** Stops counting a device's answers (the presenter excluded it); true when any were counted. */
  removeDevice(device: string): boolean {
    let removed = false
    this.byDevice.forEach((devices, index) => {
      for (const { key } of devices.get(device) ?? []) {
        const group = this.groups.get(key)
        if (group)
          group.counts[index] = (group.counts[index] ?? 1) - 1
        removed = true
      }
      devices.delete(device)
    })
    return removed
  }

  /** Devices with at least one answer in the round. */
  answered(round: number): number {
    return this.byDevice[round - 1]?.size ?? 0
  }
}

function nextSeq(given: readonly GivenAnswer[]): number {
  return given.reduce((max, answer) => Math.max(max, answer.seq + 1), 0)
}
