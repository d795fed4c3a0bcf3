import type { CliIo } from './runMain'
// `npm run results -- --session NAME` (scripts/results.ts runs this main): a session's
// poll results, aggregate only, as JSON (the session report's input) or CSV (for a spreadsheet).
import { existsSync, realpathSync } from 'node:fs'
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { displayPath } from '../../lib/displayPath'
import { DEFAULT_POLL_DATA_DIR } from '../../lib/kitPaths'
import { UserFacingError } from '../../lib/userFacingError'
import { writeFileAtomic } from '../../lib/writeAtomic'
import { resultsToCsv } from '../../poll/results/resultsCsv'
import { buildSessionResults } from '../../poll/results/sessionResults'
import { DB_FILE_NAME, PollStore } from '../../poll/store/pollStore'
import { parseFlags, sharedFlags } from './cliFlags'

const HELP = `Usage: npm run results -- --session NAME [--format json|csv] [--out FILE]

Exports how the room voted in one session: per poll and round, the votes per choice.
Counts only: nothing about who voted. Safe to run while the poll server is running.

  --session NAME     the session (its name is the date it ran unless --session was
                     given to the server); "latest" for the most recent one
  --format FORMAT    json (default; what the session report reads) or csv
  --out FILE         write to FILE instead of standard output; never inside the data
                     directory, and not over an existing file unless --force
  --force            replace FILE if it exists
  --data-dir DIR     the poll server's data directory (default: .poll-data/)  [POLL_DATA_DIR]
  --list             list the sessions and exit
  -h, --help         show this help`

/** The results command: argv without node and the script. */
export async function resultsMain(argv: string[], io: CliIo): Promise<number> {
  const values = parseFlags({
    ...sharedFlags('session', 'out', 'data-dir', 'help'),
    format: { type: 'string', default: 'json' },
    force: { type: 'boolean', default: false },
    list: { type: 'boolean', default: false },
  }, argv)
  if (values.help) {
    io.stdout(`${HELP}\n`)
    return 0
  }
  if (values.format !== 'json' && values.format !== 'csv')
    throw new UserFacingError(`--format "${values.format}" is not known; use json or csv`)
  const dataDir = resolve(values['data-dir'] ?? io.env.POLL_DATA_DIR ?? DEFAULT_POLL_DATA_DIR)
  if (!existsSync(join(dataDir, DB_FILE_NAME)))
    throw new UserFacingError(`No poll data in ${dataDir}: run the poll server (npm start) first, or pass --data-dir`)
  // Checked before anything is read: a slip must never cost the votes or the presenter token.
  const out = values.out === undefined ? undefined : resolve(values.out)
  if (out !== undefined)
    checkOutPath(out, dataDir, values.force)

  const store = PollStore.open(dataDir, { readonly: true })
  try {
    const sessions = store.listSessions()
    if (values.list) {
      for (const session of sessions)
        io.stdout(`${session.id}\t${session.createdAt}\t${session.polls} polls\t${session.votes} votes\n`)
      return 0
    }
    if (!values.session)
      throw new UserFacingError(`Which session? Pass --session NAME (or "latest"). Sessions: ${sessions.map(session => session.id).join(', ') || 'none yet'}`)
    const sessionId = values.session === 'latest' ? sessions[0]?.id : values.session
    if (!sessionId)
      throw new UserFacingError('There are no sessions yet.')

    const results = buildSessionResults(store, sessionId)
    const text = values.format === 'csv' ? resultsToCsv(results) : `${JSON.stringify(results, null, 2)}\n`
    if (out === undefined) {
      io.stdout(text)
      return 0
    }
    await writeFileAtomic(out, text)
    const voted = [...results.polls, ...results.scales ?? []]
    const votes = voted.reduce((sum, poll) => sum + poll.rounds.reduce((n, round) => n + round.voters, 0), 0)
    const open = results.openPolls ?? []
    const answers = open.reduce((sum, poll) => sum + poll.rounds.reduce((n, round) => n + round.answers, 0), 0)
    const answered = open.length > 0 ? `, ${answers} open answers (approved texts only)` : ''
    io.stdout(`✓ Results of session ${sessionId} (${voted.length + open.length} polls, ${votes} votes${answered}) written to ${displayPath(out)}\n`)
    return 0
  }
  finally {
    store.close()
  }
}

/** Refuses an export path inside the data directory (the votes, the token) or over a file, unless forced. */
function checkOutPath(out: string, dataDir: string, force: boolean): void {
  const inside = relative(realPath(dataDir), realPath(out))
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
    throw new UserFacingError(`--out ${displayPath(out)} is inside the poll data directory ${displayPath(dataDir)}, which holds the votes and the presenter token; write the export somewhere else, e.g. --out results.${out.endsWith('.csv') ? 'csv' : 'json'}`)
  if (existsSync(out) && !force)
    throw new UserFacingError(`${displayPath(out)} already exists; choose another --out, or pass --force to replace it`)
}

/** The path with symlinks resolved as far as it exists, so a link or a "../" detour cannot reach into the data directory. */
function realPath(path: string): string {
  if (existsSync(path))
    return realpathSync(path)
  const parent = dirname(path)
  return parent === path ? path : join(realPath(parent), basename(path))
}
