import type { SessionResults } from './resultsFormat'
import { percentages } from '../percentages'

/** Column names of the CSV export: one row per session, poll, round and choice. */
export const CSV_COLUMNS = ['session', 'poll', 'title', 'round', 'choice_index', 'choice', 'is_answer', 'votes', 'voters', 'percent', 'excluded_votes'] as const

/**
 * One CSV cell. A leading = + - @ (or tab/CR) would make a spreadsheet run the cell as a
 * formula, so such cells get a leading apostrophe. Quotes, newlines and every separator a
 * spreadsheet may split on (comma; semicolon in many European locales; tab) are quoted.
 */
export function csvCell(value: string | number | boolean): string {
  let text = String(value)
  if (/^[=+\-@\t\r]/.test(text))
    text = `'${text}`
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** The results as CSV (RFC 4180, CRLF, with a BOM so spreadsheet apps read UTF-8). */
export function resultsToCsv(results: SessionResults): string {
  const rows: (string | number | boolean)[][] = [[...CSV_COLUMNS]]
  for (const poll of results.polls) {
    for (const round of poll.rounds) {
      // The same whole percentages as the slide, the phone and the report.
      const percents = percentages(round.counts)
      round.counts.forEach((votes, index) => {
        rows.push([results.session.id, poll.id, poll.title, round.round, index, poll.choices[index] ?? '', index === poll.answerIndex, votes, round.voters, percents[index] ?? 0, round.excludedVotes])
      })
    }
  }
  return `\uFEFF${rows.map(row => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
