import type { Command } from '../../poll/pollMachine'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { UserFacingError } from '../../lib/userFacingError'
import { PollMachine } from '../../poll/pollMachine'
import { presenterPoll } from '../../poll/pollViews'
import { migrations } from '../../poll/store/migrations'
import { DB_FILE_NAME, PollStore } from '../../poll/store/pollStore'
import { definitions } from './support/definitions'

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'poll-store-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

/** Applies commands to a machine and persists each effect in one transaction, as the server does. */
function run(store: PollStore, machine: PollMachine, commands: Command[]): void {
  store.transaction(() => {
    for (const command of commands) {
      const outcome = machine.apply(command)
      if (outcome.ok)
        store.persist('s1', outcome.effect)
    }
  })
}

describe('poll store', () => {
  it('uses WAL with synchronous=FULL and records its schema version', () => {
    PollStore.open(dataDir).close()
    const db = new Database(join(dataDir, DB_FILE_NAME))
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length)
    db.close()
    const store = PollStore.open(dataDir)
    expect((store as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2)
    store.close()
  })

  it('stores nothing about a participant but a device id', () => {
    PollStore.open(dataDir).close()
    const db = new Database(join(dataDir, DB_FILE_NAME), { readonly: true })
    const columns = db.prepare('SELECT name FROM pragma_table_info(\'votes\')').all().map(row => (row as { name: string }).name)
    expect(columns).toEqual(['session_id', 'poll_id', 'round', 'device_id', 'choice'])
    db.close()
  })

  it('refuses a database written by a newer kit', () => {
    PollStore.open(dataDir).close()
    const db = new Database(join(dataDir, DB_FILE_NAME))
    db.pragma(`user_version = ${migrations.length + 1}`)
    db.close()
    expect(() => PollStore.open(dataDir)).toThrow(UserFacingError)
  })

  it('upgrades a schema-1 database in place: its polls keep their votes and show nothing extra to the room', () => {
    const db = new Database(join(dataDir, DB_FILE_NAME))
    db.exec(migrations[0]!)
    db.pragma('user_version = 1')
    db.prepare('INSERT INTO sessions (id, join_code, created_at) VALUES (?, ?, ?)').run('s1', 'ABCDE', new Date().toISOString())
    db.prepare('INSERT INTO polls (session_id, poll_id, seq, definition, status, round, updated_at) VALUES (?, ?, 1, ?, ?, 1, ?)')
      .run('s1', 'roadmap-question', JSON.stringify(definitions[0]), 'closed', new Date().toISOString())
    db.prepare('INSERT INTO votes VALUES (?, ?, 1, ?, 2)').run('s1', 'roadmap-question', 'a'.repeat(16))
    db.close()
    const store = PollStore.open(dataDir)
    const state = store.loadState('s1')
    store.close()
    expect(state.polls).toMatchObject([{ status: 'closed', round: 1, display: { showResults: false, compareRounds: false } }])
    expect(state.votes).toHaveLength(1)
  })

  it('reads a definition stored before poll kinds existed as a choice poll, and adds the answer tables', () => {
    const db = new Database(join(dataDir, DB_FILE_NAME))
    for (const sql of migrations.slice(0, 3))
      db.exec(sql)
    db.pragma('user_version = 3')
    const { kind: _, ...old } = definitions[0]!
    db.prepare('INSERT INTO sessions (id, join_code, created_at) VALUES (?, ?, ?)').run('s1', 'ABCDE', new Date().toISOString())
    db.prepare('INSERT INTO polls (session_id, poll_id, seq, definition, status, round, updated_at) VALUES (?, ?, 1, ?, ?, 1, ?)')
      .run('s1', old.id, JSON.stringify(old), 'revealed', new Date().toISOString())
    db.close()
    const store = PollStore.open(dataDir)
    const state = store.loadState('s1')
    expect(state.polls[0]?.definition).toEqual(definitions[0])
    expect([state.answers, state.moderation]).toEqual([[], []])
    expect(store.results('s1')[0]).toMatchObject({ definition: { kind: 'choice' }, answers: [] })
    store.close()
  })

  it('keeps a session and its join code across reopenings', () => {
    const store = PollStore.open(dataDir)
    const first = store.openSession('s1', () => 'ABCDE')
    store.close()
    const again = PollStore.open(dataDir)
    expect(again.openSession('s1', () => 'ZZZZZ')).toEqual(first)
    again.close()
  })

  it('rebuilds the same machine state after a reopen', () => {
    const store = PollStore.open(dataDir)
    store.openSession('s1', () => 'ABCDE')
    const machine = new PollMachine(definitions)
    run(store, machine, [
      { kind: 'control', action: 'open', poll: 'roadmap-question' },
      { kind: 'vote', device: 'a'.repeat(16), poll: 'roadmap-question', round: 1, choice: 2 },
      { kind: 'vote', device: 'b'.repeat(16), poll: 'roadmap-question', round: 1, choice: 0 },
      { kind: 'control', action: 'close', poll: 'roadmap-question' },
      { kind: 'control', action: 'next-round', poll: 'roadmap-question' },
      { kind: 'vote', device: 'a'.repeat(16), poll: 'roadmap-question', round: 2, choice: 0 },
      { kind: 'display', poll: 'roadmap-question', patch: { showResults: true, compareRounds: true } },
    ])
    store.close()
    const reopened = PollStore.open(dataDir)
    const restored = new PollMachine(definitions, reopened.loadState('s1'))
    expect(restored.polls().map(record => presenterPoll(record))).toEqual(machine.polls().map(record => presenterPoll(record)))
    expect(restored.current).toBe('roadmap-question')
    reopened.close()
  })

  it('keeps one row per (session, poll, round, device): a repeated or changed vote updates it', () => {
    const store = PollStore.open(dataDir)
    store.openSession('s1', () => 'ABCDE')
    const machine = new PollMachine(definitions)
    const device = 'c'.repeat(16)
    run(store, machine, [
      { kind: 'control', action: 'open', poll: 'slipping-date' },
      { kind: 'vote', device, poll: 'slipping-date', round: 1, choice: 0 },
      { kind: 'vote', device, poll: 'slipping-date', round: 1, choice: 0 },
      { kind: 'vote', device, poll: 'slipping-date', round: 1, choice: 1 },
    ])
    expect(store.countVotes('s1')).toBe(1)
    expect(store.results('s1')[0]?.counts).toEqual([[0, 1]])
    run(store, machine, [{ kind: 'control', action: 'reset', poll: 'slipping-date' }])
    expect(store.countVotes('s1')).toBe(0)
    store.close()
  })

  it('writes nothing when the transaction fails', () => {
    const store = PollStore.open(dataDir)
    store.openSession('s1', () => 'ABCDE')
    const machine = new PollMachine(definitions)
    expect(() => store.transaction(() => {
      const outcome = machine.apply({ kind: 'control', action: 'open', poll: 'roadmap-question' })
      if (outcome.ok)
        store.persist('s1', outcome.effect)
      throw new Error('disk full')
    })).toThrow('disk full')
    expect(store.loadState('s1').polls).toEqual([])
    store.close()
  })
})
