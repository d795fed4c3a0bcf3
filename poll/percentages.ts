/**
 * Whole-number percentages of `counts`, the one rounding the deck's bars, the phone's
 * results, the handout report and the CSV export share. Equal counts always get equal
 * percentages (1, 1, 1 reads 33%, 33%, 33%, never 34%, 33%, 33%); otherwise the
 * leftover points go to the largest remainders, so the figures add up to 100 whenever
 * ties allow it. All zero when nobody voted.
 */
export function percentages(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0)
  if (total === 0)
    return counts.map(() => 0)
  const exact = counts.map(count => (count * 100) / total)
  const result = exact.map(Math.floor)
  let left = 100 - result.reduce((sum, value) => sum + value, 0)
  // Equal counts have equal remainders: a point goes to all of them or to none.
  const groups = [...new Set(counts)]
    .map(count => ({ count, remainder: (count * 100) / total - Math.floor((count * 100) / total) }))
    .sort((a, b) => b.remainder - a.remainder)
  let fitting = true
  for (const { count, remainder } of groups) {
    const members = counts.flatMap((value, index) => value === count ? [index] : [])
    fitting &&= remainder > 0 && members.length <= left
    // Once a tie cannot share the leftover points, the rest round to the nearest whole number.
    const bump = fitting || remainder >= 0.5
    if (!bump || remainder === 0)
      continue
    for (const index of members)
      result[index]!++
    left -= members.length
  }
  return result
}
