import type { Scenario } from '../../content/scenarioSchema'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, expectTypeOf, it } from 'vitest'
import { defaultScenarioDir, loadScenarioLibrary } from '../../content/loadScenarios'
import { DEFAULT_CHOICES, DEFAULT_QUESTION } from '../../content/scenarioSchema'
import { sections } from '../../content/sections'

const library = loadScenarioLibrary()

describe('the shipped scenario library', () => {
  it('passes validation', () => {
    expect(library.scenarios.length).toBeGreaterThanOrEqual(25)
  })

  it('has at least five scenarios in every section', () => {
    for (const section of library.sections)
      expect(section.scenarioIds.length, section.id).toBeGreaterThanOrEqual(5)
  })

  it('lists the five sections in teaching order', () => {
    expect(library.sections.map(({ id, title, number }) => ({ id, title, number }))).toEqual([...sections])
  })

  it('returns scenarios in index order, section by section', () => {
    expect(library.scenarios.map(scenario => scenario.id)).toEqual(library.sections.flatMap(section => section.scenarioIds))
    for (const section of library.sections)
      expect(section.scenarioIds.every(id => library.byId.get(id)?.section === section.id)).toBe(true)
  })

  it('has unique ids that match their file names', () => {
    const ids = [...library.scenarios, ...library.prompts].map(item => item.id)
    expect(new Set(ids).size).toBe(ids.length)
    const files = readdirSync(defaultScenarioDir).filter(name => name.endsWith('.yaml') && name !== 'index.yaml')
    expect(files.map(name => name.slice(0, -5)).sort()).toEqual([...ids].sort())
  })

  it('starts every scenario file with the schema modeline', () => {
    for (const scenario of [...library.scenarios, ...library.prompts]) {
      const text = readFileSync(join(defaultScenarioDir, `${scenario.id}.yaml`), 'utf8')
      expect(text.split('\n')[0], scenario.id).toBe('# yaml-language-server: $schema=./schema.json')
    }
  })

  it('fills in the default question and choices', () => {
    const scenario = library.byId.get('big-customer-one-off-feature')
    expect(scenario?.question).toBe(DEFAULT_QUESTION)
    expect(scenario?.choices).toEqual([...DEFAULT_CHOICES])
  })

  it('keeps the scenarios the deck refers to, with their intended answers', () => {
    const answers = Object.fromEntries(library.scenarios.map(scenario => [scenario.id, scenario.answer]))
    expect(answers).toMatchObject({
      'warmup-dark-mode-question': 'Both, together',
      'big-customer-one-off-feature': 'Product manager',
      'key-engineer-out-three-weeks': 'Project manager',
      'signups-drop-after-redesign': 'Product manager',
      'launch-sooner-with-more-features': 'Both, together',
      'coordinator-next-step': 'Assistant project manager',
    })
    expect(library.byId.get('warmup-dark-mode-question')?.section).toBe('defining-roles')
    expect(library.byId.get('warmup-dark-mode-question')?.difficulty).toBe('contested')
    expect(library.byId.get('coordinator-next-step')?.choices).toContain('Associate product manager')
  })

  it('mixes clear-cut and contested scenarios, including genuine "Both" ones', () => {
    const count = (keep: (scenario: Scenario) => boolean) => library.scenarios.filter(keep).length
    expect(count(scenario => scenario.difficulty === 'contested')).toBeGreaterThanOrEqual(5)
    expect(count(scenario => scenario.difficulty === 'clear-cut')).toBeGreaterThanOrEqual(15)
    expect(count(scenario => scenario.answer === 'Both, together')).toBeGreaterThanOrEqual(4)
  })

  it('returns the types the deck, poll server and handouts rely on', () => {
    expectTypeOf(library.scenarios).toEqualTypeOf<Scenario[]>()
    expectTypeOf(library.byId.get).returns.toEqualTypeOf<Scenario | undefined>()
    expectTypeOf<Scenario['section']>().toEqualTypeOf<'defining-roles' | 'responsibilities' | 'skills' | 'collaboration' | 'careers'>()
    expectTypeOf<Scenario['question']>().toEqualTypeOf<string>()
    expectTypeOf<Scenario['choices']>().toEqualTypeOf<string[]>()
    expectTypeOf<Scenario['difficulty']>().toEqualTypeOf<'clear-cut' | 'contested' | 'counter-intuitive' | undefined>()
    const scenario = library.scenarios[0]!
    expect(Object.keys(scenario)).toEqual(expect.arrayContaining(['id', 'section', 'title', 'situation', 'question', 'choices', 'answer', 'rationale', 'debrief', 'minutes']))
  })
})
