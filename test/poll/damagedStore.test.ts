import { Buffer } from 'node:buffer'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserFacingError } from '../../lib/userFacingError'
import { PollMachine } from '../../poll/pollMachine'
import { startPollServer } from '../../poll/server/pollServer'
import { DB_FILE_NAME, PollStore } from '../../poll/store/pollStore'
import { definitions } from './support/definitions'

let dataDir: string
let file: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'poll-store-damaged-'))
  file = join(dataDir, DB_FILE_NAME)
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** A store holding a session with `votes` votes, closed (checkpointed into the main file). */
function storeWithVotes(votes: number): void {
  const store = PollStore.open(dataDir)
  store.openSession('s1', () => 'ABCDE')
  const machine = new PollMachine(definitions)
  store.transaction(() => {
    for (const command of [
      { kind: 'control' as const, action: 'open' as const, poll: 'roadmap-question' },
      ...Array.from({ length: votes }, (_, index) => ({ kind: 'vote' as const, device: `device-${String(index).padStart(6, '0')}-xx`, poll: 'roadmap-question', round: 1, choice: index % 3 })),
    ]) {
      const outcome = machine.apply(command)
      if (outcome.ok)
        store.persist('s1', outcome.effect)
    }
  })
  store.close()
}

/** Opening must fail with a message that names the file and the way out, and leave the file as it was. */
function expectRefusal(pattern: RegExp): void {
  const before = readFileSync(file)
  expect(() => PollStore.open(dataDir)).toThrowError(UserFacingError)
  expect(() => PollStore.open(dataDir)).toThrowError(pattern)
  expect(() => PollStore.open(dataDir)).toThrowError(`${file}`)
  expect(() => PollStore.open(dataDir)).toThrowError(/--data-dir <new folder>/)
  expect(readFileSync(file).equals(before)).toBe(true)
}

describe('a damaged poll store', () => {
  it('refuses an existing 0-byte file instead of starting a fresh session over it', () => {
    writeFileSync(file, '')
    expectRefusal(/is empty \(0 bytes\) although it exists/)
    expect(statSync(file).size).toBe(0)
  })

  it('refuses a file that is not a database', () => {
    writeFileSync(file, 'session,poll,title\r\nnot,a,database\r\n')
    expectRefusal(/is damaged/)
  })

  it('refuses a store whose pages were overwritten, rather than start with fewer votes', () => {
    storeWithVotes(2000)
    // Scribble over the middle of the file: pages of the votes table.
    const size = statSync(file).size
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(8192, 0xA5), 0, 8192, Math.floor(size / 2 / 4096) * 4096)
    closeSync(fd)
    expectRefusal(/is damaged \(/)
  })

  it('names the path and the fix when the data directory cannot be made', () => {
    const notAFolder = join(dataDir, 'a-file')
    writeFileSync(notAFolder, 'x')
    expect(() => PollStore.open(join(notAFolder, 'polls'))).toThrowError(
      `Cannot open the poll database ${join(notAFolder, 'polls', DB_FILE_NAME)}: ${join(notAFolder, 'polls')} is not a folder (part of that path is a file). Pass --data-dir with a folder you can write to.`,
    )
  })

  it('still opens a healthy store with all its votes', () => {
    storeWithVotes(2000)
    const store = PollStore.open(dataDir)
    expect(store.countVotes('s1')).toBe(2000)
    store.close()
  })
})

describe('stored votes a restart cannot count', () => {
  it('reports them by poll, count and reason when the server starts, and keeps them in the file', async () => {
    storeWithVotes(6)
    // Rows a bug or a hand edit could leave: a choice past the poll's three, and a round never started.
    const db = new Database(file)
    db.prepare('INSERT INTO votes (session_id, poll_id, round, device_id, choice) VALUES (?, ?, ?, ?, ?)').run('s1', 'roadmap-question', 1, 'bad-choice-1', 7)
    db.prepare('INSERT INTO votes (session_id, poll_id, round, device_id, choice) VALUES (?, ?, ?, ?, ?)').run('s1', 'roadmap-question', 1, 'bad-choice-2', 9)
    db.prepare('INSERT INTO votes (session_id, poll_id, round, device_id, choice) VALUES (?, ?, ?, ?, ?)').run('s1', 'roadmap-question', 2, 'bad-round', 0)
    db.close()
    const warnings: string[] = []
    const server = await startPollServer({ host: '127.0.0.1', port: 0, dataDir, definitions, sessionId: 's1', onError: () => {}, onWarning: message => warnings.push(message) })
    await server.close()
    expect(warnings).toEqual([
      `⚠ 2 stored votes of poll "roadmap-question" cannot be counted (its choice is not one of the poll's 3); they stay in ${file}, untouched.`,
      `⚠ 1 stored vote of poll "roadmap-question" cannot be counted (round 2 was never started); it stays in ${file}, untouched.`,
    ])
    const store = PollStore.open(dataDir, { readonly: true })
    expect(store.countVotes('s1')).toBe(9)
    store.close()
  })
})
