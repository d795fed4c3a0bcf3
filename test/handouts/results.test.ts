import type { SessionResults } from '../../poll/results/resultsFormat'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { UserFacingError } from '../../lib/userFacingError'
import { sessionResultsSchema } from '../../poll/results/resultsFormat'
import { sessionReport } from '../../print/documents/sessionReport'
import { analyseSession, normalisedEntropy, percent, readResultsFile } from '../../print/results'

const FIXTURE = 'test/fixtures/results/session-results.json'
const library = loadScenarioLibrary()
const fixture = (): SessionResults => JSON.parse(readFileSync(FIXTURE, 'utf8'))

describe('session results', () => {
  it('ships a fixture that the poll server\'s results schema accepts', () => {
    expect(sessionResultsSchema.safeParse(fixture()).success).toBe(true)
    expect(readResultsFile(FIXTURE).polls).toHaveLength(7)
  })

  it('measures split as normalised entropy: 0 when unanimous, 1 when even', () => {
    expect(normalisedEntropy([1, 0, 0])).toBe(0)
    expect(normalisedEntropy([1 / 3, 1 / 3, 1 / 3])).toBeCloseTo(1, 10)
    expect(normalisedEntropy([0.5, 0.5])).toBeCloseTo(1, 10)
    expect(normalisedEntropy([0.5, 0.5, 0])).toBeCloseTo(0.631, 3)
    expect(normalisedEntropy([0.3, 0.2, 0.5])).toBeCloseTo(0.937, 3)
    expect(normalisedEntropy([1])).toBe(0)
  })

  it('computes the matched share, the split and the round 2 shift per poll', () => {
    const analysis = analyseSession(fixture(), library)
    const byId = new Map(analysis.polls.map(item => [item.poll.id, item]))
    const warmup = byId.get('warmup-dark-mode-question')!
    expect(warmup.final?.matched).toBe(0.5)
    expect(warmup.final?.shares).toEqual([0.3, 0.5, 0.2])
    expect(warmup.split).toBeCloseTo(0.937, 3)
    const argument = byId.get('engineers-argue-test-environment')!
    expect(argument.final?.round).toBe(2)
    expect(argument.shift).toEqual({ from: 0.25, to: 0.65 })
    expect(argument.worthRevisiting).toBe(false)
    const cranes = byId.get('cranes-double-booked')!
    expect([cranes.final, cranes.split, cranes.worthRevisiting]).toEqual([undefined, 0, false])
    expect(analysis.unpolled).toBe(library.scenarios.length - 7)
  })

  it('orders the polls most split first and flags those worth revisiting', () => {
    const analysis = analyseSession(fixture(), library)
    expect(analysis.polls.map(item => [item.poll.id, item.worthRevisiting])).toEqual([
      ['warmup-dark-mode-question', true],
      ['coordinator-next-step', true],
      ['payment-outage-on-launch-day', true],
      ['engineers-argue-test-environment', false],
      ['feature-order-changed-without-product', false],
      ['charity-site-extra-page', false],
      ['cranes-double-booked', false],
    ])
  })

  it('notices when the library changed a scenario since the session', () => {
    const results = fixture()
    results.polls[1]!.choices = ['Product manager', 'Project manager', 'Both, together', 'Neither']
    results.polls[1]!.rounds[0]!.counts = [15, 2, 3, 0]
    const item = analyseSession(results, library).polls.find(poll => poll.poll.id === 'feature-order-changed-without-product')!
    expect(item.changedSinceSession).toBe(true)
  })

  it('refuses results whose polls the library does not have', () => {
    const results = fixture()
    results.polls[3]!.id = 'not-in-this-library'
    expect(() => analyseSession(results, library, 'Results file x.json')).toThrowError(UserFacingError)
    expect(() => analyseSession(results, library, 'Results file x.json')).toThrowError(
      'Results file x.json has a poll that the scenario library does not have: "not-in-this-library". It comes from another scenario set; pass that set with --scenarios DIR.',
    )
  })

  it('rounds shares to whole percentages', () => {
    expect(percent(0.625)).toBe('63%')
    expect(percent(1 / 3)).toBe('33%')
    expect(percent(0)).toBe('0%')
  })
})

describe('excluded votes in the session report', () => {
  it('says how many votes of a poll were excluded, and counts only the rest', () => {
    const results = fixture()
    const warmup = results.polls.find(poll => poll.id === 'warmup-dark-mode-question')!
    warmup.rounds[0] = { ...warmup.rounds[0]!, excludedVotes: 37 }
    const html = sessionReport({ analysis: analyseSession(sessionResultsSchema.parse(results), library), kitTitle: 'Kit', paper: 'a4' })
    expect(html).toContain(`Votes: <strong>${warmup.rounds[0].voters}</strong> (37 more excluded: many devices from one address)`)
    expect(sessionReport({ analysis: analyseSession(fixture(), library), kitTitle: 'Kit', paper: 'a4' })).not.toContain('excluded')
  })
})
