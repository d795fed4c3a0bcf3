// Durable poll state: one SQLite file, WAL, synchronous=FULL, so a committed
// transaction survives kill -9 and power loss. Callers batch writes (group commit).
import type { Database as SqliteDatabase } from 'better-sqlite3'
import type { MachineState } from '../machineState'
import type { PollDefinition } from '../pollDefinition'
import type { Effect } from '../pollMachine'
import type { PollStatus } from '../protocol'
import type { PollRow } from './statements'
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import * as z from 'zod/mini'
import { UserFacingError } from '../../lib/userFacingError'
import { hasBlockedWord } from '../blockedWords'
import { optionCount, pollDefinitionSchema } from '../pollDefinition'
import { HANDS_DEVICE_PREFIX } from '../pollRecord'
import { pollStatuses } from '../protocol'
import { migrate } from './migrations'
import { prepareStatements } from './statements'

/** The database file inside a data directory. */
export const DB_FILE_NAME = 'polls.sqlite'

export interface SessionInfo {
  id: string
  joinCode: string
  createdAt: string
}

export interface SessionSummary extends SessionInfo {
  polls: number
  votes: number
}

/** One poll of a session with its vote counts, as the results export needs it. */
export interface StoredPollResult {
  definition: PollDefinition
  status: PollStatus
  round: number
  /** Per round (index 0 is round 1): votes per choice, excluded devices left out. */
  counts: number[][]
  /** Per round: votes kept in the file but not counted (the presenter excluded their devices). */
  excluded: number[]
  /** Open polls, per round: the approved groups (text as first given, answers), most first, and all answers counted. */
  answers: StoredAnswerRound[]
}

export interface StoredAnswerRound {
  /** Devices with a counted answer. */
  respondents: number
  /** Counted answers, approved or not. */
  total: number
  approved: { text: string, count: number }[]
}

const moderationSchema = z.enum(['approved', 'hidden'])

const statusSchema = z.enum(pollStatuses)

/** The SQLite store of sessions, polls and votes. */
export class PollStore {
  private readonly statements: ReturnType<typeof prepareStatements>

  private constructor(private readonly db: SqliteDatabase, readonly file: string) {
    this.statements = prepareStatements(db)
  }

  /** Opens (creating if needed) `<dataDir>/polls.sqlite` and brings its schema up to date. */
  static open(dataDir: string, options: { readonly?: boolean } = {}): PollStore {
    const file = join(dataDir, DB_FILE_NAME)
    // Never start a fresh session over a store that exists: a new join code would hide the lost votes.
    const keep = `Keep the file as it is (the sqlite3 tool may still recover votes from it) and start a new session in another folder: --data-dir <new folder>.`
    if (existsSync(file) && statSync(file).size === 0)
      throw new UserFacingError(`The poll database ${file} is empty (0 bytes) although it exists, so its votes are gone. ${keep}`)
    let db: SqliteDatabase
    try {
      if (!options.readonly)
        mkdirSync(dataDir, { recursive: true, mode: 0o700 })
      db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false })
    }
    catch (error) {
      throw new UserFacingError(`Cannot open the poll database ${file}: ${whyNotOpened(dataDir, error)}. Pass --data-dir with a folder you can write to.`)
    }
    try {
      // A damaged file must stop the server here, not start with half its votes.
      const problems = (db.pragma('quick_check') as { quick_check: string }[]).map(row => row.quick_check)
      if (problems.join() !== 'ok')
        throw new UserFacingError(`The poll database ${file} is damaged (${problems.slice(0, 3).join('; ')}). ${keep}`)
      if (!options.readonly) {
        db.pragma('journal_mode = WAL')
        // FULL: fsync the WAL on every commit, so an acknowledged vote survives a crash.
        db.pragma('synchronous = FULL')
      }
      db.pragma('foreign_keys = ON')
      db.pragma('busy_timeout = 5000')
      migrate(db, options.readonly ?? false, file)
    }
    catch (error) {
      db.close()
      if (error instanceof UserFacingError)
        throw error
      throw new UserFacingError(`The poll database ${file} is damaged (${error instanceof Error ? error.message : String(error)}). ${keep}`)
    }
    return new PollStore(db, file)
  }

  /** Runs `fn` in one transaction: everything it writes commits (and is fsynced) together, or nothing does. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  /** The session with this id, created with a fresh join code if it does not exist yet. */
  openSession(id: string, newJoinCode: () => string): SessionInfo {
    const existing = this.session(id)
    if (existing)
      return existing
    const session = { id, joinCode: newJoinCode(), createdAt: new Date().toISOString() }
    this.statements.insertSession.run(session.id, session.joinCode, session.createdAt)
    return session
  }

  session(id: string): SessionInfo | undefined {
    const row = this.statements.session.get(id)
    return row && { id: row.id, joinCode: row.join_code, createdAt: row.created_at }
  }

  /** Every session, newest first, with how many polls were opened and votes cast. */
  listSessions(): SessionSummary[] {
    const rows = this.statements.listSessions.all()
    return rows.map(row => ({ id: row.id, joinCode: row.join_code, createdAt: row.created_at, polls: row.polls, votes: row.votes }))
  }

  /** Everything needed to rebuild a session's PollMachine. */
  loadState(sessionId: string): MachineState {
    const session = this.statements.sessionCurrent.get(sessionId)
    const polls = this.statements.polls.all(sessionId).map(row => ({
      definition: parseDefinition(row),
      status: statusSchema.parse(row.status),
      round: row.round,
      display: { showResults: row.show_results === 1, compareRounds: row.compare_rounds === 1 },
    }))
    const votes = this.statements.votes.all(sessionId)
      .map(row => ({ poll: row.poll_id, round: row.round, device: row.device_id, choice: row.choice }))
    const excluded = this.statements.excludedDevices.all(sessionId).map(row => row.device_id)
    const answers = this.statements.answers.all(sessionId)
      .map(row => ({ poll: row.poll_id, round: row.round, device: row.device_id, seq: row.seq, text: row.text, key: row.key }))
    const moderation = this.statements.moderation.all(sessionId)
      .map(row => ({ poll: row.poll_id, key: row.key, status: moderationSchema.parse(row.status) }))
    return { current: session?.current_poll ?? null, polls, votes, excluded, answers, moderation }
  }

  /** Writes one applied machine effect. Call inside `transaction`. */
  persist(sessionId: string, effect: Effect): void {
    const s = this.statements
    if (effect.kind === 'exclude') {
      const at = new Date().toISOString()
      for (const device of effect.devices)
        s.excludeDevice.run(sessionId, device, at)
      return
    }
    if (effect.kind === 'vote') {
      if (effect.changed)
        s.upsertVote.run(sessionId, effect.poll, effect.round, effect.device, effect.choice)
      return
    }
    if (effect.kind === 'answer') {
      if (effect.changed)
        s.insertAnswer.run(sessionId, effect.poll, effect.round, effect.device, effect.seq, effect.text, effect.key)
      return
    }
    if (effect.kind === 'moderate') {
      const at = new Date().toISOString()
      for (const key of effect.keys)
        s.upsertModeration.run(sessionId, effect.record.definition.id, key, effect.status, at)
      return
    }
    if (effect.kind === 'poll' || effect.kind === 'hands' || effect.kind === 'display') {
      const { definition, status, round, display } = effect.record
      s.upsertPoll.run(sessionId, definition.id, sessionId, JSON.stringify(definition), status, round, Number(display.showResults), Number(display.compareRounds), new Date().toISOString())
      if (effect.kind === 'poll' && effect.cleared) {
        s.clearVotes.run(sessionId, definition.id)
        s.clearAnswers.run(sessionId, definition.id)
        s.clearModeration.run(sessionId, definition.id)
      }
      if (effect.kind === 'hands') {
        s.clearHands.run(sessionId, definition.id, effect.round, `${HANDS_DEVICE_PREFIX}%`)
        for (const [device, choice] of effect.hands)
          s.upsertVote.run(sessionId, definition.id, effect.round, device, choice)
      }
    }
    s.setCurrent.run(effect.current, sessionId)
  }

  /** Opened polls of a session in the order they were first opened, with counts per round and choice. */
  results(sessionId: string): StoredPollResult[] {
    const counts = this.statements.counts.all(sessionId, sessionId)
    const excludedCounts = this.statements.excludedCounts.all(sessionId, sessionId)
    return this.statements.polls.all(sessionId)
      .filter(row => row.status !== 'draft')
      .map((row) => {
        const definition = parseDefinition(row)
        const rounds = Array.from({ length: row.round }, () => Array.from<number>({ length: optionCount(definition) }).fill(0))
        for (const count of counts.filter(count => count.poll_id === row.poll_id)) {
          const round = rounds[count.round - 1]
          if (round && count.choice < round.length)
            round[count.choice] = count.n
        }
        const excluded = rounds.map((_, index) => excludedCounts.find(count => count.poll_id === row.poll_id && count.round === index + 1)?.n ?? 0)
        const answers = definition.kind === 'open' ? this.answerRounds(sessionId, row.poll_id, row.round) : []
        return { definition, status: statusSchema.parse(row.status), round: row.round, counts: rounds, excluded, answers }
      })
  }

  /** An open poll's counted answers per round, with the approved groups (what the room saw). */
  private answerRounds(sessionId: string, pollId: string, rounds: number): StoredAnswerRound[] {
    const decisions = new Map(this.statements.pollModeration.all(sessionId, pollId).map(row => [row.key, row.status]))
    const groups = this.statements.answerGroups.all(sessionId, pollId, sessionId)
    const respondents = this.statements.answerRespondents.all(sessionId, pollId, sessionId)
    return Array.from({ length: rounds }, (_, index) => {
      const inRound = groups.filter(group => group.round === index + 1)
      // Mirrors the machine: a decision wins, and an undecided group the word list flags is hidden.
      const approved = inRound
        .filter(group => (decisions.get(group.key) ?? (hasBlockedWord(group.key) ? 'hidden' : 'pending')) === 'approved')
        .map(group => ({ text: group.text, count: group.n }))
        .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1))
      return {
        respondents: respondents.find(row => row.round === index + 1)?.n ?? 0,
        total: inRound.reduce((sum, group) => sum + group.n, 0),
        approved,
      }
    })
  }

  /** How many vote rows a session (optionally one poll) holds. */
  countVotes(sessionId: string, pollId?: string): number {
    const row = pollId === undefined
      ? this.statements.countSessionVotes.get(sessionId)
      : this.statements.countPollVotes.get(sessionId, pollId)
    // count(*) always returns one row.
    return row?.n ?? 0
  }

  close(): void {
    if (this.db.open)
      this.db.close()
  }
}

function parseDefinition(row: PollRow): PollDefinition {
  const damaged = () => new UserFacingError(`The stored poll "${row.poll_id}" is damaged; export what you can and start a new session (--session).`)
  let json: unknown
  try {
    json = JSON.parse(row.definition)
  }
  catch {
    throw damaged()
  }
  const parsed = pollDefinitionSchema.safeParse(json)
  if (!parsed.success)
    throw damaged()
  return parsed.data
}

/** What kept the database from opening, in words that point at the fix. */
function whyNotOpened(dataDir: string, error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === 'EROFS')
    return `${dataDir} is on a read-only file system`
  if (code === 'ENOTDIR' || code === 'EEXIST')
    return `${dataDir} is not a folder (part of that path is a file)`
  if (!existsSync(dataDir))
    return `the folder ${dataDir} does not exist`
  try {
    accessSync(dataDir, constants.W_OK)
  }
  catch {
    return `the folder ${dataDir} is not writable`
  }
  return error instanceof Error ? error.message : String(error)
}
