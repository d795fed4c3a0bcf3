// How many files (sockets included) this process may hold open: each phone's WebSocket
// is one. Node has no getrlimit, so read what the OS exposes.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import process from 'node:process'

export interface OpenFileLimit {
  soft: number
  /** The most an unprivileged process may raise its soft limit to (`ulimit -Hn`). */
  hard: number
}

/** The process's open-file limit, or undefined where there is none to read (Windows: libuv sockets are not capped this way). */
export function openFileLimit(): OpenFileLimit | undefined {
  if (process.platform === 'linux') {
    try {
      const match = readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\d+|unlimited)\s+(\d+|unlimited)/m)
      if (match)
        return { soft: toNumber(match[1]!), hard: toNumber(match[2]!) }
    }
    catch {}
  }
  if (process.platform !== 'win32') {
    // A child shell inherits this process's limits, so it reports them.
    const result = spawnSync('/bin/sh', ['-c', 'ulimit -Sn; ulimit -Hn'], { encoding: 'utf8', timeout: 2000 })
    const [soft, hard] = (result.stdout ?? '').trim().split('\n')
    if (soft && hard)
      return { soft: toNumber(soft), hard: toNumber(hard) }
  }
  return undefined
}

function toNumber(value: string): number {
  return value.trim() === 'unlimited' ? Number.POSITIVE_INFINITY : Number(value)
}
