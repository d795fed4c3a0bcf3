// A histogram of one round of a scale poll, drawn as inline SVG: one column per point,
// its count and share above it, the end labels under the ends, and the median marked
// with a dashed line. Every round of a poll shares one height scale, so two charts side
// by side compare honestly even when fewer people voted the second time.
import type { SafeHtml } from './html.ts'
import { percentages } from '../poll/percentages.ts'
import { medianLabel } from '../poll/scaleSummary.ts'
import { html } from './html.ts'

export interface ScaleChartInput {
  /** Unique within the document; used for the title and description ids. */
  id: string
  title: string
  min: number
  minLabel: string
  maxLabel: string
  counts: readonly number[]
  /** Median value (not position); null when nobody voted. */
  median: number | null
  /** The largest share of any point in any round of this poll, 0–1: the height of a full column. */
  topShare: number
  /** Fill of the columns. */
  colour: string
}

const WIDTH = 300
const PLOT_TOP = 30
const PLOT_HEIGHT = 96
const SIDE = 8
const AXIS_Y = PLOT_TOP + PLOT_HEIGHT

/** The chart's text alternative: every point's count and share, and the median. */
export function describeScale({ min, minLabel, maxLabel, counts, median }: ScaleChartInput): string {
  const percents = percentages(counts)
  const total = counts.reduce((sum, count) => sum + count, 0)
  const points = counts.map((count, index) => {
    const value = min + index
    const end = index === 0 ? ` (${minLabel})` : index === counts.length - 1 ? ` (${maxLabel})` : ''
    return `${value}${end}: ${count} (${percents[index] ?? 0}%)`
  })
  return `${total} ${total === 1 ? 'vote' : 'votes'}. ${points.join(', ')}.${median === null ? '' : ` Median ${median}.`}`
}

export function scaleChart(input: ScaleChartInput): SafeHtml {
  const { id, title, min, minLabel, maxLabel, counts, median, topShare, colour } = input
  const total = counts.reduce((sum, count) => sum + count, 0)
  const slot = (WIDTH - 2 * SIDE) / counts.length
  const barWidth = slot * 0.72
  const centre = (position: number) => SIDE + slot * (position + 0.5)
  const full = topShare > 0 ? topShare : 1

  const heights = counts.map(count => (total === 0 ? 0 : Math.max(count > 0 ? 1.5 : 0, (count / total / full) * PLOT_HEIGHT)))
  const columns = counts.map((_, index) => html`<rect x="${(centre(index) - barWidth / 2).toFixed(1)}" y="${(AXIS_Y - heights[index]!).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${heights[index]!.toFixed(1)}" rx="1.5" fill="${colour}"/>
<text x="${centre(index).toFixed(1)}" y="${AXIS_Y + 12}" text-anchor="middle" font-size="10" font-weight="600" fill="#0f172a">${min + index}</text>`)
  // Drawn after the median line on a white patch, so the line never strikes through a count
  // (a stroked halo would make Chromium print the digits as Type 3 outlines).
  const countLabels = counts.map((count, index) => {
    if (count === 0)
      return ''
    const baseline = AXIS_Y - heights[index]! - 4
    const width = String(count).length * 5.5 + 4
    return html`<rect x="${(centre(index) - width / 2).toFixed(1)}" y="${(baseline - 8).toFixed(1)}" width="${width.toFixed(1)}" height="10" fill="#fff"/>
<text x="${centre(index).toFixed(1)}" y="${baseline.toFixed(1)}" text-anchor="middle" font-size="9" fill="#0f172a">${count}</text>`
  })
  const position = median === null ? null : median - min
  const medianMark = position === null
    ? ''
    : html`<line x1="${centre(position).toFixed(1)}" x2="${centre(position).toFixed(1)}" y1="${PLOT_TOP - 18}" y2="${AXIS_Y}" stroke="#0f172a" stroke-width="1" stroke-dasharray="3 2"/>
<text x="${centre(position).toFixed(1)}" y="${PLOT_TOP - 21}" text-anchor="middle" font-size="9" font-weight="700" fill="#0f172a">median ${medianLabel(position, counts.map((_, index) => `${min + index}`))}</text>`

  return html`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${AXIS_Y + 30}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="Inter, sans-serif">
<title id="${id}-title">${title}</title>
<desc id="${id}-desc">${describeScale(input)}</desc>
<line x1="${SIDE}" x2="${WIDTH - SIDE}" y1="${AXIS_Y}" y2="${AXIS_Y}" stroke="#94a3b8" stroke-width="1"/>
${columns}
${medianMark}
${countLabels}
<text x="${SIDE}" y="${AXIS_Y + 26}" font-size="9" fill="#475569">${minLabel}</text>
<text x="${WIDTH - SIDE}" y="${AXIS_Y + 26}" text-anchor="end" font-size="9" fill="#475569">${maxLabel}</text>
</svg>`
}
