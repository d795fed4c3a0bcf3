// What the poll benchmark reads back from the server it ran: the store on disk and the process's memory.
import type { Phone } from './benchCrowd'
import type { SpawnedPollServer } from './spawnPollServer'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PollStore } from '../../poll/store/pollStore'

function withStore<T>(dataDir: string, read: (store: PollStore) => T): T {
  const store = PollStore.open(dataDir, { readonly: true })
  try {
    return read(store)
  }
  finally {
    store.close()
  }
}

export function joinCode(dataDir: string, session: string): string {
  return withStore(dataDir, store => store.session(session)!.joinCode)
}

export function storedVotes(dataDir: string, session: string, pollId: string): number {
  return withStore(dataDir, store => store.countVotes(session, pollId))
}

/** Open answers stored for a poll. */
export function storedAnswers(dataDir: string, session: string, pollId: string): number {
  return withStore(dataDir, store => store.loadState(session).answers?.filter(answer => answer.poll === pollId).length ?? 0)
}

/** Acknowledged votes whose latest acknowledged choice is not what the file holds. */
export function lostAcked(dataDir: string, session: string, pollId: string, phones: Phone[]): number {
  return withStore(dataDir, (store) => {
    const stored = new Map(store.loadState(session).votes.filter(vote => vote.poll === pollId && vote.round === 1).map(vote => [vote.device, vote.choice]))
    return phones.filter(phone => phone.acked.length > 0 && stored.get(phone.device) !== phone.acked.at(-1)).length
  })
}

/** The server's peak resident memory (VmHWM on Linux; the current RSS elsewhere). */
export function peakRssMb(server: SpawnedPollServer): number {
  return procStatusMb(server, 'VmHWM')
}

/** The server's resident memory now. */
export function currentRssMb(server: SpawnedPollServer): number {
  return procStatusMb(server, 'VmRSS')
}

function procStatusMb(server: SpawnedPollServer, field: 'VmHWM' | 'VmRSS'): number {
  const pid = server.child.pid!
  try {
    const kb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`))?.[1])
    if (kb > 0)
      return round(kb / 1024)
  }
  catch {}
  return round(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024)
}

export function round(value: number): number {
  return Math.round(value * 10) / 10
}
