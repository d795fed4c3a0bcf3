// A crowd of phones for the poll benchmark: N real poll clients (the phone page's
// transport, with `ws`) that join, vote once, and record when their vote is confirmed.
import type { PollClient } from '../../poll/client'
import { performance } from 'node:perf_hooks'
import WebSocket from 'ws'
import { createDeviceId, createPollClient } from '../../poll/client'

export interface Phone {
  device: string
  client: PollClient
  choice: number
  sentAt?: number
  /** When the server acknowledged (or a snapshot confirmed) this phone's vote. */
  confirmedAt?: number
  /** Every choice the server acknowledged (or a snapshot confirmed) for this phone. */
  acked: number[]
  /** When this phone first saw the poll under test open. */
  openedAt?: number
}

export interface CrowdOptions {
  url: string
  code: string
  clients: number
  choices: number
  /** Connections opened at once while joining. */
  batch?: number
  backoff?: { baseMs: number, maxMs: number }
  /** Called once per phone, when its vote is first confirmed. */
  onConfirmed?: (phone: Phone) => void
  /** The poll whose opening each phone times (`openedAt`). */
  watchPoll?: string
  /** Client ping interval; phones use the real one (20 s) unless told otherwise. */
  pingIntervalMs?: number
}

/** Connects every phone and resolves once all have joined (have a snapshot). */
export async function joinCrowd(options: CrowdOptions): Promise<Phone[]> {
  const phones: Phone[] = []
  const batch = options.batch ?? 250
  for (let start = 0; start < options.clients; start += batch) {
    const size = Math.min(batch, options.clients - start)
    await Promise.all(Array.from({ length: size }, (_, offset) => {
      const phone: Phone = { device: createDeviceId(), client: undefined as unknown as PollClient, choice: (start + offset) % options.choices, acked: [] }
      phones.push(phone)
      return connectPhone(phone, options)
    }))
  }
  return phones
}

/** Opens a new client for `phone` (its device id kept, as a phone reloading the page) and resolves once it has joined. */
export function connectPhone(phone: Phone, options: CrowdOptions): Promise<void> {
  return new Promise<void>((resolve) => {
    phone.client = createPollClient({
      url: options.url,
      WebSocket,
      hello: { role: 'participant', device: phone.device, code: options.code },
      backoff: options.backoff ?? { baseMs: 100, maxMs: 2000 },
      pingIntervalMs: options.pingIntervalMs,
      onStatus: status => status === 'open' && resolve(),
      onMessage: (message) => {
        const poll = message.type === 'poll' || (message.type === 'snapshot' && message.role === 'participant') ? message.poll : undefined
        if (phone.openedAt === undefined && poll?.id === options.watchPoll && poll?.status === 'open')
          phone.openedAt = performance.now()
      },
      onVote: (result) => {
        if (!result.ok)
          return
        phone.acked.push(result.vote.choice)
        if (phone.confirmedAt === undefined) {
          phone.confirmedAt = performance.now()
          options.onConfirmed?.(phone)
        }
      },
    })
  })
}

/** Every phone votes at once; `duplicateShare` of them send the same vote twice. */
export function burst(phones: Phone[], poll: string, duplicateShare: number): number {
  let duplicates = 0
  phones.forEach((phone, index) => {
    phone.sentAt = performance.now()
    phone.client.vote(poll, 1, phone.choice)
    if (index % Math.round(1 / duplicateShare) === 0) {
      phone.client.vote(poll, 1, phone.choice)
      duplicates++
    }
  })
  return duplicates
}

/** Resolves when `done()` holds, checking every 5 ms; rejects after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!done()) {
    if (performance.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`)
    await new Promise(resolve => setTimeout(resolve, 5))
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}
