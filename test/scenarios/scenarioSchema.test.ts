import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { closestMatch } from '../../content/closestMatch'
import { defaultScenarioDir } from '../../content/loadScenarios'
import { renderScenarioJsonSchema } from '../../content/scenarioJsonSchema'
import { DEFAULT_CHOICES, DEFAULT_QUESTION, scenarioSchema } from '../../content/scenarioSchema'
import { sectionById } from '../../content/sections'

const minimal = {
  id: 'late-delivery',
  section: 'responsibilities',
  title: 'The steel delivery is late',
  situation: 'The steel arrives two weeks late.',
  answer: 'Project manager',
  rationale: 'Timelines and risks are project work.',
  debrief: ['What would you do first?'],
  minutes: 3,
}

describe('scenario schema', () => {
  it('matches the committed scenarios/schema.json (run `npm run scenarios:schema` if not)', () => {
    expect(readFileSync(join(defaultScenarioDir, 'schema.json'), 'utf8')).toBe(renderScenarioJsonSchema())
  })

  it('defaults the question and choices', () => {
    const scenario = scenarioSchema.parse(minimal)
    expect(scenario.question).toBe(DEFAULT_QUESTION)
    expect(scenario.choices).toEqual(['Product manager', 'Project manager', 'Both, together'])
    expect(DEFAULT_CHOICES).toHaveLength(3)
  })

  it('keeps custom choices and trims surrounding whitespace', () => {
    const scenario = scenarioSchema.parse({ ...minimal, title: '  Late steel \n', choices: ['Project manager', 'Site foreman'] })
    expect(scenario.title).toBe('Late steel')
    expect(scenario.choices).toEqual(['Project manager', 'Site foreman'])
  })

  it('rejects a repeated choice and a repeated tag', () => {
    const result = scenarioSchema.safeParse({ ...minimal, choices: ['Project manager', 'Project manager'], tags: ['it', 'it'] })
    expect(result.error?.issues.map(issue => [issue.path.join('.'), issue.message])).toEqual([
      ['choices.1', '"Project manager" is listed twice; each choice must be different'],
      ['tags.1', '"it" is listed twice'],
    ])
  })

  it('accepts a tempting wrong choice, and rejects one that is the answer or not a choice', () => {
    expect(scenarioSchema.parse({ ...minimal, tempting: 'Both, together' }).tempting).toBe('Both, together')
    const issues = (tempting: string) => scenarioSchema.safeParse({ ...minimal, tempting }).error?.issues.map(issue => [issue.path.join('.'), issue.message])
    expect(issues('Project manager')).toEqual([['tempting', 'is the intended answer; name the wrong choice the room is likely to pick, or remove the field']])
    expect(issues('Site foreman')).toEqual([['tempting', '"Site foreman" is not one of the choices; use one of: "Product manager", "Project manager", "Both, together"']])
  })

  it('takes the three expected-split difficulties and explains a wrong one', () => {
    for (const difficulty of ['clear-cut', 'contested', 'counter-intuitive'])
      expect(scenarioSchema.parse({ ...minimal, difficulty }).difficulty).toBe(difficulty)
    expect(scenarioSchema.safeParse({ ...minimal, difficulty: 'hard' }).error?.issues[0]?.message)
      .toBe('"hard" is not a difficulty; use one of: clear-cut, contested, counter-intuitive')
  })

  it('suggests the intended word for a likely typo only', () => {
    expect(closestMatch('rationel', ['rationale', 'debrief'])).toBe('rationale')
    expect(closestMatch('colour', ['rationale', 'debrief'])).toBeUndefined()
  })

  it('looks sections up by id', () => {
    expect(sectionById('careers')).toEqual({ id: 'careers', title: 'Career paths and growth', number: 5 })
    expect(sectionById('career')).toBeUndefined()
  })
})
