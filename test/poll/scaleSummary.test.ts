import { describe, expect, it } from 'vitest'
import { compareScaleRounds, medianLabel, summarizeScale } from '../../poll/scaleSummary'

const SEVEN = ['1', '2', '3', '4', '5', '6', '7']

describe('scale summary', () => {
  it('has no median and zero shares when nobody answered', () => {
    expect(summarizeScale([0, 0, 0, 0, 0, 0, 0])).toEqual({ counts: [0, 0, 0, 0, 0, 0, 0], total: 0, median: null, percents: [0, 0, 0, 0, 0, 0, 0] })
  })

  it('puts the median on the only answer', () => {
    const summary = summarizeScale([0, 0, 0, 0, 1, 0, 0])
    expect(summary.total).toBe(1)
    expect(summary.median).toBe(4)
    expect(summary.percents).toEqual([0, 0, 0, 0, 100, 0, 0])
  })

  it('takes the middle answer of an odd total', () => {
    // 1, 1, 2, 4, 6 (0-based points): the third answer.
    expect(summarizeScale([0, 2, 1, 0, 1, 0, 1]).median).toBe(2)
  })

  it('takes the midpoint of the two middle answers of an even total', () => {
    expect(summarizeScale([2, 0, 0, 2]).median).toBe(1.5)
    expect(summarizeScale([1, 0, 3, 0]).median).toBe(2)
    expect(summarizeScale([3, 1, 0, 0, 0, 0, 2]).median).toBe(0.5)
    expect(summarizeScale([4, 1, 0, 0, 0, 0, 1]).median).toBe(0)
  })

  it('shares the answers with the deck\'s largest-remainder percentages', () => {
    const summary = summarizeScale([1, 1, 1, 0, 0, 0, 0])
    expect(summary.percents).toEqual([33, 33, 33, 0, 0, 0, 0])
    expect(summarizeScale([2, 1, 0, 0, 0, 0, 0]).percents).toEqual([67, 33, 0, 0, 0, 0, 0])
  })

  it('refuses a count that is not a whole number of answers', () => {
    expect(() => summarizeScale([1, -1])).toThrow(RangeError)
    expect(() => summarizeScale([1.5])).toThrow(RangeError)
  })

  it('measures how far the median moved from round 1 to round 2', () => {
    const compared = compareScaleRounds([[0, 4, 3, 1, 0, 0, 0], [0, 0, 1, 3, 4, 0, 0]])
    expect(compared.rounds.map(round => round.median)).toEqual([1.5, 3.5])
    expect(compared.medianShift).toBe(2)
    expect(compareScaleRounds([[0, 0, 2], [2, 0, 0]]).medianShift).toBe(-2)
  })

  it('has no shift with one round or a round nobody answered', () => {
    expect(compareScaleRounds([[1, 2, 3]]).medianShift).toBeNull()
    expect(compareScaleRounds([[1, 2, 3], [0, 0, 0]]).medianShift).toBeNull()
    expect(compareScaleRounds([]).rounds).toEqual([])
  })

  it('names the median in the scale\'s labels', () => {
    expect(medianLabel(3, SEVEN)).toBe('4')
    expect(medianLabel(2.5, SEVEN)).toBe('3–4')
    expect(medianLabel(null, SEVEN)).toBe('')
  })
})
