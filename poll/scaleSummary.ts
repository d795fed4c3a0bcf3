/**
 * Scale polls ("Where are you today: visionary 1 … 7 executor"): what the room's answers
 * add up to, from the number of answers per point. Index 0 is the lowest point. Pure and
 * browser-safe; the projector's histogram and any report use the same figures.
 */
import { percentages } from './percentages'

export interface ScaleSummary {
  counts: readonly number[]
  total: number
  /**
   * The middle answer as a position on the scale (0 = lowest point), or null when nobody
   * answered. With an even number of answers it is the midpoint of the two middle ones,
   * so it can fall half-way between two points (1, 1, 2, 2 of 1…4 gives 1.5, "between
   * 2 and 3"): the lower median would tip a split room to one side.
   */
  median: number | null
  /** Whole-number share per point, the deck's largest-remainder rounding (poll/percentages.ts). */
  percents: number[]
}

export function summarizeScale(counts: readonly number[]): ScaleSummary {
  for (const count of counts) {
    if (!Number.isInteger(count) || count < 0)
      throw new RangeError(`A scale count must be a whole number of answers, not ${count}`)
  }
  const total = counts.reduce((sum, count) => sum + count, 0)
  return { counts, total, median: median(counts, total), percents: percentages(counts) }
}

/** The point the rank-th answer (0-based, in scale order) sits on. */
function pointOf(counts: readonly number[], rank: number): number {
  let seen = 0
  for (const [point, count] of counts.entries()) {
    seen += count
    if (rank < seen)
      return point
  }
  throw new RangeError(`No answer ${rank} among ${seen}`)
}

/** The median as a scale value (`min` is the value of point 0), for the wire and the export. */
export function scaleMedian(counts: readonly number[], min: number): number | null {
  const position = median(counts, counts.reduce((sum, count) => sum + count, 0))
  return position === null ? null : min + position
}

function median(counts: readonly number[], total: number): number | null {
  if (total === 0)
    return null
  const lower = pointOf(counts, Math.floor((total - 1) / 2))
  const upper = pointOf(counts, Math.floor(total / 2))
  return (lower + upper) / 2
}

export interface ScaleRounds {
  rounds: ScaleSummary[]
  /** Round 2's median minus round 1's, in scale points (positive: towards the high end); null unless both rounds have answers. */
  medianShift: number | null
}

/** One summary per round, and how far the middle moved from round 1 to round 2. */
export function compareScaleRounds(rounds: readonly (readonly number[])[]): ScaleRounds {
  const summaries = rounds.map(summarizeScale)
  const [first, second] = summaries
  const medianShift = first?.median != null && second?.median != null ? second.median - first.median : null
  return { rounds: summaries, medianShift }
}

/**
 * The median in the scale's own labels: "4", or "3–4" half-way between two points
 * ("3.5" reads as an answer nobody could give). Empty when there is no median.
 */
export function medianLabel(median: number | null, labels: readonly string[]): string {
  if (median === null)
    return ''
  if (Number.isInteger(median))
    return labels[median] ?? ''
  return `${labels[Math.floor(median)] ?? ''}–${labels[Math.ceil(median)] ?? ''}`
}
