import type { Scenario } from '../../content/scenarioSchema'
import { describe, expect, it } from 'vitest'
import { answerRole, findGiveaways, giveawaysIn, giveawayWordsFor } from '../../content/scenarioGiveaways'
import { scenarioSchema } from '../../content/scenarioSchema'

function scenario(id: string, fields: Partial<Scenario> = {}): Scenario {
  return scenarioSchema.parse({
    id,
    section: 'skills',
    title: 'A plain title',
    situation: 'Something happens.',
    answer: 'Product manager',
    rationale: 'Because.',
    debrief: ['Why?'],
    minutes: 3,
    ...fields,
  })
}

function library(scenarios: Scenario[]) {
  return {
    sections: [{ id: 'skills' as const, scenarioIds: scenarios.map(item => item.id) }],
    byId: new Map(scenarios.map(item => [item.id, item])),
  }
}

const order = {
  product: ['Product manager', 'Project manager', 'Both, together'],
  project: ['Project manager', 'Product manager', 'Both, together'],
  both: ['Both, together', 'Product manager', 'Project manager'],
}

describe('answerRole', () => {
  it('reads the role an answer names from its words', () => {
    expect(answerRole('Product manager')).toBe('product')
    expect(answerRole('Move to the project ladder')).toBe('project')
    expect(answerRole('Both, together')).toBe('both')
    expect(answerRole('Incident lead')).toBe('other')
  })
})

describe('giveawaysIn', () => {
  it('finds a word from the answer role\'s list, as a whole word or stem, across line breaks', () => {
    expect(giveawaysIn('Who should find out what the nurses actually need?', 'Product manager')).toEqual(['actually need*'])
    expect(giveawaysIn('Who should own the day-to-day task\nplan?', 'Project manager')).toEqual(['task plan'])
    expect(giveawaysIn('Who reschedules the crews?', 'Project manager')).toEqual([])
    expect(giveawaysIn('Who sets the priorities?', 'Product manager')).toEqual(['priorit*'])
  })

  it('ignores words that point at a role other than the answer', () => {
    expect(giveawaysIn('The roadmap slide is due', 'Project manager')).toEqual([])
    expect(giveawaysIn('Two jobs, one schedule', 'Both, together')).toEqual([])
  })

  it('uses the answer\'s own distinctive words for a third party', () => {
    expect(giveawayWordsFor('Incident lead')).toEqual(['incident'])
    expect(giveawaysIn('An incident at midnight', 'Incident lead')).toEqual(['incident'])
    expect(giveawaysIn('Who runs the stand-up?', 'Scrum Master')).toEqual([])
    expect(giveawayWordsFor('It depends — on what?')).toEqual([])
  })
})

describe('findGiveaways', () => {
  it('warns when more than 40% of a section\'s answers sit on one position', () => {
    const scenarios = [
      scenario('a', { choices: order.product, answer: 'Product manager' }),
      scenario('b', { choices: order.project, answer: 'Project manager' }),
      scenario('c', { choices: order.both, answer: 'Both, together' }),
      scenario('d', { choices: order.product, answer: 'Project manager' }),
      scenario('e', { choices: order.product, answer: 'Both, together' }),
    ]
    const { sections, byId } = library(scenarios)
    expect(findGiveaways(sections, byId)).toEqual([{
      kind: 'position',
      section: 'skills',
      message: 'the answer is choice 1 in 3 of 5 scenarios (60%: a, b, c); keep each position within 40% by varying the order of choices',
    }])
  })

  it('accepts exactly 40% on one position, and does not check sections of fewer than five', () => {
    const five = [
      scenario('a', { choices: order.product, answer: 'Product manager' }),
      scenario('b', { choices: order.project, answer: 'Project manager' }),
      scenario('c', { choices: order.both, answer: 'Product manager' }),
      scenario('d', { choices: order.product, answer: 'Project manager' }),
      scenario('e', { choices: order.product, answer: 'Both, together' }),
    ]
    expect(findGiveaways(library(five).sections, library(five).byId)).toEqual([])
    const four = five.slice(0, 2).concat(scenario('f'), scenario('g'))
    expect(findGiveaways(library(four).sections, library(four).byId)).toEqual([])
  })

  it('warns for a title and a question that name the answer, once per field', () => {
    const scenarios = [scenario('roadmap', { title: 'Is it on the roadmap?', question: 'Who owns the product vision here?' })]
    const { sections, byId } = library(scenarios)
    expect(findGiveaways(sections, byId).map(warning => warning.kind === 'words' && [warning.scenarioId, warning.field, warning.message])).toEqual([
      ['roadmap', 'title', '"roadmap" points at the answer "Product manager"; phones show this line, so reword it to describe the situation, not the owner'],
      ['roadmap', 'question', '"product", "vision" points at the answer "Product manager"; phones show this line, so reword it to describe the situation, not the owner'],
    ])
  })
})
