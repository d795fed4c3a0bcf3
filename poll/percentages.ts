/**
 * Whole-number percentages of `counts` that add up to 100 (largest remainder), so a
 * room never reads 33 + 33 + 33. All zero when nobody voted. Used by the deck's bars
 * and the phone's results.
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0)
  if (total === 0)
    return counts.map(() => 0)
  const exact = counts.map(count => (count * 100) / total)
  const result = exact.map(Math.floor)
  let left = 100 - result.reduce((sum, value) => sum + value, 0)
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of byRemainder) {
    if (left <= 0)
      break
    result[index]!++
    left--
  }
  return result
}
