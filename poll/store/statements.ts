// Every SQL statement the poll store runs, prepared once per database and typed by what
// it binds and the rows it returns.
import type { Database as SqliteDatabase } from 'better-sqlite3'
import type { PollStatus } from '../protocol'

/** The statement every vote goes through (exported for the driver benchmark). */
export const UPSERT_VOTE_SQL = `
  INSERT INTO votes (session_id, poll_id, round, device_id, choice) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (session_id, poll_id, round, device_id) DO UPDATE SET choice = excluded.choice`

export interface SessionRow { id: string, join_code: string, created_at: string }
export interface PollRow { poll_id: string, definition: string, status: string, round: number, show_results: number, compare_rounds: number }
interface VoteRow { poll_id: string, round: number, device_id: string, choice: number }
interface AnswerRow { poll_id: string, round: number, device_id: string, seq: number, text: string, key: string }
interface CountRow { poll_id: string, round: number, choice: number, n: number }
type SessionId = [sessionId: string]

/** Every statement the store runs, typed by what it binds and the rows it returns. */
export function prepareStatements(db: SqliteDatabase) {
  return {
    session: db.prepare<SessionId, SessionRow>('SELECT id, join_code, created_at FROM sessions WHERE id = ?'),
    sessionCurrent: db.prepare<SessionId, { current_poll: string | null }>('SELECT current_poll FROM sessions WHERE id = ?'),
    insertSession: db.prepare<[id: string, joinCode: string, createdAt: string], never>('INSERT INTO sessions (id, join_code, created_at) VALUES (?, ?, ?)'),
    listSessions: db.prepare<[], SessionRow & { polls: number, votes: number }>(`
      SELECT s.id, s.join_code, s.created_at,
        (SELECT count(*) FROM polls p WHERE p.session_id = s.id AND p.status != 'draft') AS polls,
        (SELECT count(*) FROM votes v WHERE v.session_id = s.id) AS votes
      FROM sessions s ORDER BY s.created_at DESC, s.id`),
    polls: db.prepare<SessionId, PollRow>('SELECT poll_id, definition, status, round, show_results, compare_rounds FROM polls WHERE session_id = ? ORDER BY seq'),
    votes: db.prepare<SessionId, VoteRow>('SELECT poll_id, round, device_id, choice FROM votes WHERE session_id = ?'),
    counts: db.prepare<[sessionId: string, excludedSessionId: string], CountRow>(`
      SELECT poll_id, round, choice, count(*) AS n FROM votes
      WHERE session_id = ? AND device_id NOT IN (SELECT device_id FROM excluded_devices WHERE session_id = ?)
      GROUP BY poll_id, round, choice`),
    excludedCounts: db.prepare<[sessionId: string, excludedSessionId: string], { poll_id: string, round: number, n: number }>(`
      SELECT poll_id, round, count(*) AS n FROM votes
      WHERE session_id = ? AND device_id IN (SELECT device_id FROM excluded_devices WHERE session_id = ?)
      GROUP BY poll_id, round`),
    excludedDevices: db.prepare<SessionId, { device_id: string }>('SELECT device_id FROM excluded_devices WHERE session_id = ?'),
    excludeDevice: db.prepare<[sessionId: string, deviceId: string, excludedAt: string], never>('INSERT OR IGNORE INTO excluded_devices (session_id, device_id, excluded_at) VALUES (?, ?, ?)'),
    upsertVote: db.prepare<[sessionId: string, pollId: string, round: number, deviceId: string, choice: number], never>(UPSERT_VOTE_SQL),
    upsertPoll: db.prepare<[sessionId: string, pollId: string, seqSessionId: string, definition: string, status: PollStatus, round: number, showResults: number, compareRounds: number, updatedAt: string], never>(`
      INSERT INTO polls (session_id, poll_id, seq, definition, status, round, show_results, compare_rounds, updated_at)
      VALUES (?, ?, (SELECT coalesce(max(seq), 0) + 1 FROM polls WHERE session_id = ?), ?, ?, ?, ?, ?, ?)
      ON CONFLICT (session_id, poll_id) DO UPDATE SET
        definition = excluded.definition, status = excluded.status, round = excluded.round,
        show_results = excluded.show_results, compare_rounds = excluded.compare_rounds, updated_at = excluded.updated_at`),
    clearVotes: db.prepare<[sessionId: string, pollId: string], never>('DELETE FROM votes WHERE session_id = ? AND poll_id = ?'),
    clearHands: db.prepare<[sessionId: string, pollId: string, round: number, deviceLike: string], never>('DELETE FROM votes WHERE session_id = ? AND poll_id = ? AND round = ? AND device_id LIKE ?'),
    setCurrent: db.prepare<[current: string | null, sessionId: string], never>('UPDATE sessions SET current_poll = ? WHERE id = ?'),
    answers: db.prepare<SessionId, AnswerRow>('SELECT poll_id, round, device_id, seq, text, key FROM answers WHERE session_id = ?'),
    moderation: db.prepare<SessionId, { poll_id: string, key: string, status: string }>('SELECT poll_id, key, status FROM moderation WHERE session_id = ?'),
    pollModeration: db.prepare<[sessionId: string, pollId: string], { key: string, status: string }>('SELECT key, status FROM moderation WHERE session_id = ? AND poll_id = ?'),
    // A group's text is that of its earliest answer (SQLite takes bare columns from the min(seq) row).
    answerGroups: db.prepare<[sessionId: string, pollId: string, excludedSessionId: string], { round: number, key: string, text: string, n: number }>(`
      SELECT round, key, text, min(seq) AS first_seq, count(*) AS n FROM answers
      WHERE session_id = ? AND poll_id = ? AND device_id NOT IN (SELECT device_id FROM excluded_devices WHERE session_id = ?)
      GROUP BY round, key`),
    answerRespondents: db.prepare<[sessionId: string, pollId: string, excludedSessionId: string], { round: number, n: number }>(`
      SELECT round, count(DISTINCT device_id) AS n FROM answers
      WHERE session_id = ? AND poll_id = ? AND device_id NOT IN (SELECT device_id FROM excluded_devices WHERE session_id = ?)
      GROUP BY round`),
    insertAnswer: db.prepare<[sessionId: string, pollId: string, round: number, deviceId: string, seq: number, text: string, key: string], never>(
      'INSERT OR IGNORE INTO answers (session_id, poll_id, round, device_id, seq, text, key) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    upsertModeration: db.prepare<[sessionId: string, pollId: string, key: string, status: string, updatedAt: string], never>(`
      INSERT INTO moderation (session_id, poll_id, key, status, reason, updated_at) VALUES (?, ?, ?, ?, 'presenter', ?)
      ON CONFLICT (session_id, poll_id, key) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`),
    clearAnswers: db.prepare<[sessionId: string, pollId: string], never>('DELETE FROM answers WHERE session_id = ? AND poll_id = ?'),
    clearModeration: db.prepare<[sessionId: string, pollId: string], never>('DELETE FROM moderation WHERE session_id = ? AND poll_id = ?'),
    countSessionVotes: db.prepare<SessionId, { n: number }>('SELECT count(*) AS n FROM votes WHERE session_id = ?'),
    countPollVotes: db.prepare<[sessionId: string, pollId: string], { n: number }>('SELECT count(*) AS n FROM votes WHERE session_id = ? AND poll_id = ?'),
  }
}
