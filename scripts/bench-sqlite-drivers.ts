// `npm run bench:sqlite -- [--votes N] [--runs R]`: the poll store's write path on the two
// SQLite drivers a Node 22+ kit can use without a compiler: better-sqlite3 13 (what the
// store uses) and the built-in node:sqlite. Both files use WAL and synchronous=FULL, the
// store's schema and its vote upsert; votes commit in groups the way GroupCommit batches
// them. Runs alternate between the drivers. LAST line: one JSON object.
import type { PollDefinition } from '../poll/pollDefinition'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import { UserFacingError } from '../lib/userFacingError'
import { OpenAnswers } from '../poll/openAnswers'
import { migrations } from '../poll/store/migrations'
import { DB_FILE_NAME, PollStore } from '../poll/store/pollStore'
import { UPSERT_VOTE_SQL } from '../poll/store/statements'
import { parseFlags, sharedFlags } from './lib/cliFlags'
import { runMain } from './lib/runMain'

const HELP = `Usage: npm run bench:sqlite -- [--votes N] [--runs R]

Writes N votes (default 5000) with each driver, in groups of 1, 100 and 1000 votes per
transaction, R times each (default 3), and prints the median wall and CPU time.`

const GROUP_SIZES = [1, 100, 1000]
const SESSION = 'bench'
const POLL: PollDefinition = {
  kind: 'choice',
  id: 'bench-poll',
  title: 'Bench',
  situation: 'A benchmark poll.',
  question: 'Who?',
  choices: ['A', 'B', 'C'],
  answer: 0,
  rationale: 'None.',
  debrief: [],
}

interface Vote { device: string, choice: number }
type Writer = (groups: Vote[][]) => void
interface Driver { name: string, open: (dir: string) => { write: Writer, count: () => number, close: () => void } }

const betterSqlite3: Driver = {
  name: 'better-sqlite3',
  open(dir) {
    const store = PollStore.open(dir)
    store.openSession(SESSION, () => 'BENCH')
    const record = { definition: POLL, status: 'open' as const, round: 1, votes: [new Map()], counts: [[0, 0, 0]], answers: new OpenAnswers(), display: { showResults: false, compareRounds: false } }
    store.transaction(() => store.persist(SESSION, { kind: 'poll', record, cleared: false, current: POLL.id }))
    return {
      write: groups => groups.forEach(group => store.transaction(() => {
        for (const vote of group)
          store.persist(SESSION, { kind: 'vote', poll: POLL.id, round: 1, device: vote.device, choice: vote.choice, changed: true })
      })),
      count: () => store.countVotes(SESSION),
      close: () => store.close(),
    }
  },
}

const nodeSqlite: Driver = {
  name: 'node:sqlite',
  open(dir) {
    // Loaded lazily: Node 22 prints an experimental warning when the module loads.
    const { DatabaseSync } = createRequire(import.meta.url)('node:sqlite') as typeof import('node:sqlite')
    const db = new DatabaseSync(join(dir, DB_FILE_NAME))
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON')
    for (const sql of migrations)
      db.exec(sql)
    db.prepare('INSERT INTO sessions (id, join_code, created_at) VALUES (?, ?, ?)').run(SESSION, 'BENCH', new Date().toISOString())
    db.prepare('INSERT INTO polls (session_id, poll_id, seq, definition, status, round, updated_at) VALUES (?, ?, 1, ?, ?, 1, ?)')
      .run(SESSION, POLL.id, JSON.stringify(POLL), 'open', new Date().toISOString())
    const upsert = db.prepare(UPSERT_VOTE_SQL)
    return {
      write: groups => groups.forEach((group) => {
        db.exec('BEGIN')
        try {
          for (const vote of group)
            upsert.run(SESSION, POLL.id, 1, vote.device, vote.choice)
          db.exec('COMMIT')
        }
        catch (error) {
          db.exec('ROLLBACK')
          throw error
        }
      }),
      count: () => (db.prepare('SELECT count(*) AS n FROM votes').get() as { n: number }).n,
      close: () => db.close(),
    }
  },
}

function measure(driver: Driver, votes: Vote[], groupSize: number): { wallMs: number, cpuMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sqlite-'))
  try {
    const db = driver.open(dir)
    const groups: Vote[][] = []
    for (let i = 0; i < votes.length; i += groupSize)
      groups.push(votes.slice(i, i + groupSize))
    const cpu = process.cpuUsage()
    const start = performance.now()
    db.write(groups)
    const wallMs = performance.now() - start
    const used = process.cpuUsage(cpu)
    if (db.count() !== votes.length)
      throw new Error(`${driver.name} stored ${db.count()} of ${votes.length} votes`)
    db.close()
    return { wallMs, cpuMs: (used.user + used.system) / 1000 }
  }
  finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
const round1 = (value: number) => Math.round(value * 10) / 10

runMain(async () => {
  const values = parseFlags({
    ...sharedFlags('help'),
    votes: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '3' },
  })
  if (values.help) {
    console.log(HELP)
    return 0
  }
  const count = Number(values.votes)
  const runs = Number(values.runs)
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1)
    throw new UserFacingError('--votes and --runs must be whole numbers of at least 1')

  const votes = Array.from({ length: count }, (_, i) => ({ device: `device-${i}`, choice: i % 3 }))
  const drivers = [betterSqlite3, nodeSqlite]
  const rows: { driver: string, groupSize: number, commits: number, wallMs: number, cpuMs: number }[] = []
  console.log(`Node ${process.version}, ${count} votes, WAL + synchronous=FULL, median of ${runs} runs`)
  for (const groupSize of GROUP_SIZES) {
    const samples = new Map(drivers.map(driver => [driver.name, [] as { wallMs: number, cpuMs: number }[]]))
    for (let run = 0; run < runs; run++) {
      for (const driver of run % 2 === 0 ? drivers : [...drivers].reverse())
        samples.get(driver.name)!.push(measure(driver, votes, groupSize))
    }
    for (const [driver, results] of samples) {
      const row = {
        driver,
        groupSize,
        commits: Math.ceil(count / groupSize),
        wallMs: round1(median(results.map(r => r.wallMs))),
        cpuMs: round1(median(results.map(r => r.cpuMs))),
      }
      rows.push(row)
      console.log(`${driver.padEnd(15)} ${String(groupSize).padStart(5)} votes/commit  ${String(row.wallMs).padStart(8)} ms wall  ${String(row.cpuMs).padStart(8)} ms CPU`)
    }
  }
  console.log(JSON.stringify({ node: process.version, votes: count, runs, rows }))
})
