import type { SessionResults } from './resultsFormat'
import { percentages } from '../percentages'

/**
 * Column names of the CSV export: one row per session, poll, round and choice; for a scale
 * poll per value (`choice` is the value, `median` set); for an open poll per approved
 * answer group (`choice` is its text, `voters` the respondents, `approved` true).
 */
export const CSV_COLUMNS = ['session', 'poll', 'title', 'round', 'choice_index', 'choice', 'is_answer', 'votes', 'voters', 'percent', 'excluded_votes', 'kind', 'median', 'approved'] as const

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
        rows.push([results.session.id, poll.id, poll.title, round.round, index, poll.choices[index] ?? '', index === poll.answerIndex, votes, round.voters, percents[index] ?? 0, round.excludedVotes, 'choice', '', ''])
      })
    }
  }
  for (const poll of results.scales ?? []) {
    for (const round of poll.rounds) {
      const percents = percentages(round.counts)
      round.counts.forEach((votes, index) => {
        rows.push([results.session.id, poll.id, poll.title, round.round, index, poll.min + index, false, votes, round.voters, percents[index] ?? 0, round.excludedVotes, 'scale', round.median ?? '', ''])
      })
    }
  }
  for (const poll of results.openPolls ?? []) {
    for (const round of poll.rounds) {
      // Shares of all counted answers, so hidden answers still weigh in the percentages.
      const percents = percentages([...round.approved.map(group => group.count), round.answers - round.approved.reduce((sum, group) => sum + group.count, 0)])
      round.approved.forEach((group, index) => {
        rows.push([results.session.id, poll.id, poll.title, round.round, index, group.text, false, group.count, round.respondents, percents[index] ?? 0, 0, 'open', '', true])
      })
    }
  }
  return `\uFEFF${rows.map(row => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
