// A horizontal bar chart of one poll, drawn as inline SVG: one row per choice, one bar
// per round. The intended answer is named in its label, not only shown by colour.
import type { SafeHtml } from './html.ts'
import { TONE_COLOURS, toneOf } from '../content/roleTone.ts'
import { percentages } from '../poll/percentages.ts'
import { html } from './html.ts'

export interface BarChartRound {
  round: number
  voters: number
  counts: readonly number[]
}

export interface BarChartInput {
  /** Unique within the document; used for the title and description ids. */
  id: string
  title: string
  choices: readonly string[]
  answerIndex: number
  rounds: readonly BarChartRound[]
}

const WIDTH = 640
const LABEL_WIDTH = 210
const VALUE_WIDTH = 80
const BAR_HEIGHT = 14
const BAR_GAP = 3
const ROW_GAP = 10
const LINE_HEIGHT = 14
/** Characters per label line at 12 px in the label column. */
const LABEL_CHARS = 28

const share = (count: number, voters: number) => (voters === 0 ? 0 : count / voters)

/** Breaks a label into lines of about LABEL_CHARS characters, at spaces. */
export function wrapLabel(text: string, width = LABEL_CHARS): string[] {
  const lines: string[] = []
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1)
    if (last !== undefined && `${last} ${word}`.length <= width)
      lines[lines.length - 1] = `${last} ${word}`
    else
      lines.push(word)
  }
  return lines
}

/** The chart's text alternative: every round's count and share per choice. */
export function describeChart({ choices, answerIndex, rounds }: BarChartInput): string {
  return rounds.map((round) => {
    // Same rounding as the slide and the phones, so the report never disagrees with them.
    const percents = percentages(round.counts)
    return `Round ${round.round}, ${round.voters} ${round.voters === 1 ? 'vote' : 'votes'}: ${choices.map((choice, index) => {
      const count = round.counts[index] ?? 0
      return `${choice}${index === answerIndex ? ' (intended answer)' : ''} ${count} (${percents[index] ?? 0}%)`
    }).join(', ')}.`
  }).join(' ')
}

/** An accessible SVG bar chart (role="img" with <title> and <desc>). */
export function barChart(input: BarChartInput): SafeHtml {
  const { id, title, choices, answerIndex, rounds } = input
  const barsHeight = Math.max(1, rounds.length) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const lastRound = rounds.length - 1
  const percents = rounds.map(round => percentages(round.counts))

  let top = 2
  const rows = choices.map((choice, index) => {
    const isAnswer = index === answerIndex
    const lines = wrapLabel(choice)
    const labelHeight = lines.length * LINE_HEIGHT + (isAnswer ? 12 : 0)
    const rowHeight = Math.max(barsHeight, labelHeight)
    const rowTop = top
    top += rowHeight + ROW_GAP
    const colour = TONE_COLOURS[toneOf(choice)]
    const labelTop = rowTop + (rowHeight - labelHeight) / 2
    const label = html`<text x="${LABEL_WIDTH - 10}" text-anchor="end" font-size="12" font-weight="${isAnswer ? 700 : 400}" fill="#0f172a">${lines.map((line, lineIndex) =>
      html`<tspan x="${LABEL_WIDTH - 10}" y="${labelTop + (lineIndex + 1) * LINE_HEIGHT - 3}">${line}</tspan>`)}</text>${isAnswer
      ? html`<text x="${LABEL_WIDTH - 10}" y="${labelTop + labelHeight - 2}" text-anchor="end" font-size="9" font-weight="600" fill="${colour}">INTENDED ANSWER</text>`
      : ''}`
    const barsTop = rowTop + (rowHeight - barsHeight) / 2
    const bars = rounds.map((round, roundIndex) => {
      const y = barsTop + roundIndex * (BAR_HEIGHT + BAR_GAP)
      const count = round.counts[index] ?? 0
      const width = Math.max(share(count, round.voters) * barSpace, count > 0 ? 2 : 0)
      const latest = roundIndex === lastRound
      // Earlier rounds are pale so the latest round reads first.
      return html`<rect x="${LABEL_WIDTH}" y="${y}" width="${barSpace}" height="${BAR_HEIGHT}" rx="2" fill="#f1f5f9"/>
<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" rx="2" fill="${colour}" fill-opacity="${latest ? 1 : 0.35}"/>
<text x="${LABEL_WIDTH + barSpace + 8}" y="${y + BAR_HEIGHT / 2 + 4}" font-size="11" font-weight="${latest ? 600 : 400}" fill="${latest ? '#0f172a' : '#64748b'}">${percents[roundIndex]![index] ?? 0}% (${count})</text>`
    })
    return html`<g>${label}${bars}</g>`
  })
  const height = top - ROW_GAP + 2

  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Inter, sans-serif">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${describeChart(input)}</desc>
${rows}
</svg>`
}
