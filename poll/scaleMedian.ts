/**
 * The median value of a scale round from its counts per point (index 0 is `min`); the
 * mean of the two middle values for an even count, null with no votes.
 */
export function scaleMedian(counts: readonly number[], min: number): number | null {
  const total = counts.reduce((sum, n) => sum + n, 0)
  if (total === 0)
    return null
  const valueAt = (position: number): number => {
    let seen = 0
    for (const [index, n] of counts.entries()) {
      seen += n
      if (position < seen)
        return min + index
    }
    return min + counts.length - 1
  }
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2
}
