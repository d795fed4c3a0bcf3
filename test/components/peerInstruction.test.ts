import type { RoundTally } from '../../poll/protocol'
import { describe, expect, it } from 'vitest'
import { bandOf, firstVote, handsStep, peerStep } from '../../poll/peerInstruction'

const round1 = (counts: number[]): RoundTally => ({ round: 1, counts, voters: counts.reduce((a, b) => a + b, 0) })

describe('the band of the first vote', () => {
  it('puts exactly 30% and exactly 70% in the middle band', () => {
    expect(bandOf(3, 10)).toBe('discuss')
    expect(bandOf(7, 10)).toBe('discuss')
    expect(bandOf(30, 100)).toBe('discuss')
    expect(bandOf(70, 100)).toBe('discuss')
  })

  it('teaches just under 30% and moves on just over 70%', () => {
    expect(bandOf(29, 100)).toBe('teach')
    expect(bandOf(71, 100)).toBe('move-on')
    expect(bandOf(0, 5)).toBe('teach')
    expect(bandOf(5, 5)).toBe('move-on')
  })

  it('has no band while nobody has voted', () => {
    expect(bandOf(0, 0)).toBeUndefined()
    expect(firstVote([round1([0, 0, 0])], 2)).toEqual({ voters: 0, correct: 0, percent: undefined, band: undefined })
    expect(firstVote([], 0).band).toBeUndefined()
  })

  it('reads the intended answer, however many choices a scenario has', () => {
    expect(firstVote([round1([1, 1, 1, 7])], 3)).toEqual({ voters: 10, correct: 7, percent: 70, band: 'discuss' })
    expect(firstVote([round1([6, 2, 1, 1])], 3).band).toBe('teach')
  })

  it('judges by round 1 even after round 2 has started', () => {
    const rounds = [round1([1, 9, 0]), { round: 2, counts: [0, 1, 0], voters: 1 }]
    expect(firstVote(rounds, 1).band).toBe('move-on')
  })
})

describe('the suggested next step', () => {
  const step = (status: 'draft' | 'open' | 'closed' | 'revealed', counts: number[], round = 1, comparing = false) => {
    const rounds = round === 1 ? [round1(counts)] : [round1(counts), { round: 2, counts: [0, 0, 0], voters: 0 }]
    return peerStep({ status, round, rounds, answer: 0, comparing })
  }

  it('sends a split room to pairs, then to round 2', () => {
    expect(step('closed', [5, 5, 0])).toMatchObject({ action: 'next-round', text: expect.stringContaining('convince your neighbour') })
  })

  it('teaches and re-votes when under 30% are right', () => {
    expect(step('closed', [2, 5, 3])).toMatchObject({ action: 'next-round', text: expect.stringContaining('Teach') })
  })

  it('reveals and moves on when over 70% are right', () => {
    expect(step('closed', [8, 1, 1])).toMatchObject({ action: 'reveal', text: expect.stringContaining('move on') })
  })

  it('suggests no band step while round 1 is still open', () => {
    expect(step('open', [8, 1, 1]).action).toBe('close')
    expect(step('draft', [0, 0, 0]).action).toBe('open')
  })

  it('reveals after round 2 and then compares the rounds', () => {
    expect(step('closed', [5, 5, 0], 2).action).toBe('reveal')
    expect(step('revealed', [5, 5, 0], 2).action).toBe('compare')
    expect(step('revealed', [5, 5, 0], 2, true).action).toBeUndefined()
  })
})

describe('the same flow by show of hands', () => {
  it('reads the band from the hands typed in, and stays quiet before any hand and after the reveal', () => {
    expect(handsStep([0, 0, 0], 2, false)).toBeUndefined()
    expect(handsStep([3, 3, 4], 2, false)).toMatchObject({ source: 'hands', first: { percent: 40, band: 'discuss' } })
    expect(handsStep([1, 1, 8], 2, false)).toMatchObject({ action: 'reveal' })
    expect(handsStep([1, 1, 8], 2, true)).toBeUndefined()
  })
})
