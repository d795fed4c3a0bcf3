// The shipped library's answer mix: a room should not be able to guess the answer from
// the choice position, from "Both" being the catch-all, or from two roles being the only options.
import { describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { answerRole, findGiveaways, MAX_POSITION_SHARE } from '../../content/scenarioGiveaways'

const library = loadScenarioLibrary()
const { scenarios } = library

/** Answers that route the situation to someone other than the two managers, or to "it depends". */
const THIRD_PARTY = /^(?:Engineering manager|Incident lead|Account manager|Scrum Master|Nobody yet\b|It depends\b)/

describe('the shipped library\'s answer mix', () => {
  it('has at least 36 scenarios, and at least 6 in every section', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(36)
    for (const section of library.sections)
      expect(section.scenarioIds.length, section.id).toBeGreaterThanOrEqual(6)
  })

  it('makes a third party (or "it depends") the intended answer in at least 4 scenarios', () => {
    const thirdParty = scenarios.filter(scenario => THIRD_PARTY.test(scenario.answer))
    expect(thirdParty.length).toBeGreaterThanOrEqual(4)
  })

  it('offers "Both" as the tempting wrong answer in at least 2 scenarios, and makes it right in at most a quarter', () => {
    const wrongBoth = scenarios.filter(scenario => scenario.tempting !== undefined && answerRole(scenario.tempting) === 'both' && answerRole(scenario.answer) !== 'both')
    expect(wrongBoth.length).toBeGreaterThanOrEqual(2)
    const both = scenarios.filter(scenario => answerRole(scenario.answer) === 'both')
    expect(both.length / scenarios.length).toBeLessThanOrEqual(0.25)
  })

  it('does not tag every "Both" answer as contested', () => {
    const both = scenarios.filter(scenario => answerRole(scenario.answer) === 'both')
    expect(both.some(scenario => scenario.difficulty !== 'contested')).toBe(true)
  })

  it('keeps every choice position within 40% of the answers in each section', () => {
    for (const section of library.sections) {
      const positions = section.scenarioIds.map((id) => {
        const scenario = library.byId.get(id)!
        return scenario.choices.indexOf(scenario.answer)
      })
      for (const position of new Set(positions)) {
        const share = positions.filter(other => other === position).length / positions.length
        expect(share, `${section.id}: choice ${position + 1}`).toBeLessThanOrEqual(MAX_POSITION_SHARE)
      }
    }
  })

  it('gives scenarios:check nothing to warn about', () => {
    expect(findGiveaways(library.sections, library.byId)).toEqual([])
  })

  it('covers finance, public sector, manufacturing, an agency or non-profit, a distributed team and a one-person startup', () => {
    const tagged = (tag: string) => scenarios.filter(scenario => scenario.tags?.includes(tag)).map(scenario => scenario.id)
    for (const tag of ['finance', 'public-sector', 'manufacturing', 'distributed', 'startup', 'one-person-both-roles'])
      expect(tagged(tag), tag).not.toEqual([])
    expect([...tagged('agency'), ...tagged('non-profit')]).not.toEqual([])
    // Software stays a minority of the contexts.
    expect(tagged('software').length / scenarios.length).toBeLessThan(0.5)
  })
})
