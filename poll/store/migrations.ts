// Schema changes, applied in order; `PRAGMA user_version` records how many have run.
// Append only: never edit a migration that has shipped.
import type { Database as SqliteDatabase } from 'better-sqlite3'
import { UserFacingError } from '../../lib/userFacingError'

export const migrations: readonly string[] = [
  // 1: sessions, polls (content frozen at first open, so votes always index the choices
  // they were cast for), and one vote row per (session, poll, round, device). Only a
  // random device id identifies a participant: no addresses, user agents or names.
  `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    join_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    current_poll TEXT
  ) STRICT;

  CREATE TABLE polls (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    poll_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    definition TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'closed', 'revealed')),
    round INTEGER NOT NULL CHECK (round >= 1),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (session_id, poll_id)
  ) STRICT;

  CREATE TABLE votes (
    session_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    round INTEGER NOT NULL CHECK (round >= 1),
    device_id TEXT NOT NULL,
    choice INTEGER NOT NULL CHECK (choice >= 0),
    PRIMARY KEY (session_id, poll_id, round, device_id),
    FOREIGN KEY (session_id, poll_id) REFERENCES polls (session_id, poll_id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;
  `,
  // 2: what the room sees of a poll (live bars before the reveal, both rounds side by
  // side), so every projector follows the presenter and a restart keeps it.
  `
  ALTER TABLE polls ADD COLUMN show_results INTEGER NOT NULL DEFAULT 0 CHECK (show_results IN (0, 1));
  ALTER TABLE polls ADD COLUMN compare_rounds INTEGER NOT NULL DEFAULT 0 CHECK (compare_rounds IN (0, 1));
  `,
  // 3: devices whose votes the presenter excluded (one address brought many devices). Their
  // vote rows stay, so the exclusion is visible and could be reviewed; tallies skip them.
  `
  CREATE TABLE excluded_devices (
    session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    device_id TEXT NOT NULL,
    excluded_at TEXT NOT NULL,
    PRIMARY KEY (session_id, device_id)
  ) STRICT, WITHOUT ROWID;
  `,
  // 4: open answers and their moderation. A scale vote is a vote row (its index, value − min),
  // and a stored definition without a `kind` is a choice poll, so sessions from before stay readable.
  // An answer row holds only the device id, never a name; `key` is the case-folded grouping key.
  `
  CREATE TABLE answers (
    session_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    round INTEGER NOT NULL CHECK (round >= 1),
    device_id TEXT NOT NULL,
    seq INTEGER NOT NULL CHECK (seq >= 0),
    text TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (session_id, poll_id, round, device_id, seq),
    FOREIGN KEY (session_id, poll_id) REFERENCES polls (session_id, poll_id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;

  CREATE TABLE moderation (
    session_id TEXT NOT NULL,
    poll_id TEXT NOT NULL,
    key TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('approved', 'hidden')),
    reason TEXT NOT NULL CHECK (reason IN ('presenter')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (session_id, poll_id, key),
    FOREIGN KEY (session_id, poll_id) REFERENCES polls (session_id, poll_id) ON DELETE CASCADE
  ) STRICT, WITHOUT ROWID;
  `,
]

/** Brings `db` (the file at `file`) up to the latest schema; a read-only or newer file says what to do instead. */
export function migrate(db: SqliteDatabase, readonly: boolean, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version > migrations.length)
    throw new UserFacingError(`${file} was written by a newer version of the kit (schema ${version}); update the kit to read it.`)
  if (version === migrations.length)
    return
  if (readonly)
    throw new UserFacingError(`${file} has an older schema; start the poll server once to upgrade it.`)
  db.transaction(() => {
    for (const [index, sql] of migrations.entries()) {
      if (index < version)
        continue
      db.exec(sql)
      db.pragma(`user_version = ${index + 1}`)
    }
  })()
}
