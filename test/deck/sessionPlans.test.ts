import type { DeckPlan } from '../../content/deckPlan'
import type { SessionPlans } from '../../content/loadSessionPlans'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeckPlan } from '../../content/deckPlan'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { choosePlan, loadSessionPlans, SessionPlanError } from '../../content/loadSessionPlans'
import { formatIssues } from '../../content/scenarioLibraryError'
import { numberDefinitions } from '../../content/sessionDeck'
import { KIT_ROOT } from '../../lib/kitPaths'
import { definitionsFromLibrary } from '../../poll/server/pollCatalog'

const library = loadScenarioLibrary()
const dir = mkdtempSync(join(tmpdir(), 'plans-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The located messages a plan file produces, as `npm run scenarios:check` prints them. */
function problemsOf(yaml: string): string {
  const file = join(dir, 'session-plans.yaml')
  writeFileSync(file, yaml)
  try {
    loadSessionPlans(file)
    return ''
  }
  catch (error) {
    if (!(error instanceof SessionPlanError))
      throw error
    return formatIssues(error.issues.map(issue => ({ ...issue, file: 'plans.yaml' })))
  }
}

const PLAN_60 = `default: "60"
plans:
  "60":
    title: One hour
    minutes: 60
    optionalAsks: drop
`

describe('the plan file', () => {
  it('accepts a minimal plan', () => {
    expect(problemsOf(PLAN_60)).toBe('')
  })

  it('locates a wrong value at its line and column', () => {
    expect(problemsOf(PLAN_60.replace('minutes: 60', 'minutes: sixty'))).toBe('plans.yaml:5:14  plans.60.minutes: expected a number, got text')
    expect(problemsOf(PLAN_60.replace('optionalAsks: drop', 'optionalAsks: maybe'))).toBe('plans.yaml:6:19  plans.60.optionalAsks: must be keep or drop')
  })

  it('locates an unknown field and suggests the right one', () => {
    expect(problemsOf(`${PLAN_60}    hid: [agenda]\n`)).toBe('plans.yaml:7:5  plans.60.hid: unknown field; did you mean "hide"?')
  })

  it('says which plans exist when the default names none of them', () => {
    expect(problemsOf(PLAN_60.replace('default: "60"', 'default: "45"'))).toBe('plans.yaml:1:10  default: "45" is not a plan; use one of: 60')
  })

  it('rejects cutting on the day a slide the plan already hides', () => {
    expect(problemsOf(`${PLAN_60}    hide: [agenda]\n    cutsWhenLate: [agenda]\n`)).toBe('plans.yaml:8:20  plans.60.cutsWhenLate.0: "agenda" is already hidden in this plan; cut only slides it shows')
  })
})

describe('a plan applied to the deck', () => {
  const deckRoot = mkdtempSync(join(tmpdir(), 'plan-deck-'))
  afterAll(() => rmSync(deckRoot, { recursive: true, force: true }))
  const [first, second] = library.scenarios

  async function deckWith(planYaml: string): Promise<DeckPlan> {
    writeFileSync(join(deckRoot, 'slides.md'), `---
routeAlias: intro
---

# Intro

<!--
[2 min]
Say hello.
Ask (optional, +1 min): How are you?
-->

---
routeAlias: extra
---

# Extra

<!--
[3 min]
More.
-->

---

# Poll

<ScenarioPoll id="${first!.id}" />

<!--
Run it.
-->
`)
    const file = join(dir, 'deck-plan.yaml')
    writeFileSync(file, planYaml)
    return loadDeckPlan(deckRoot, { library, plan: choosePlan(loadSessionPlans(file), undefined) })
  }

  it('hides the slides it cuts and renumbers the rest, as the running deck does', async () => {
    const deck = await deckWith(`${PLAN_60}    hide: [extra]\n`)
    expect(deck.planIssues).toEqual([])
    expect(deck.parts[0]!.slides.map(slide => [slide.number, slide.title])).toEqual([[1, 'Intro'], [2, 'Poll']])
    expect(deck.polls).toEqual([{ number: 1, scenarioId: first!.id, slide: 2 }])
  })

  it('drops the optional prompts and their minutes in a plan that drops them, and keeps both otherwise', async () => {
    const tight = await deckWith(PLAN_60)
    expect(tight.parts[0]!.slides[0]!.notes).not.toContain('How are you?')
    expect(tight.totalMinutes).toBe(2 + 3 + first!.minutes)
    const roomy = await deckWith(PLAN_60.replace('drop', 'keep'))
    expect(roomy.parts[0]!.slides[0]!.notes).toContain('Ask (optional, +1 min): How are you?')
    expect(roomy.totalMinutes).toBe(2 + 1 + 3 + first!.minutes)
  })

  it('swaps a poll for a spare without touching the markdown', async () => {
    const deck = await deckWith(`${PLAN_60}    swaps:\n      ${first!.id}: ${second!.id}\n`)
    expect(deck.polls.map(poll => poll.scenarioId)).toEqual([second!.id])
    expect(deck.parts[0]!.slides.at(-1)!.minutes).toBe(second!.minutes)
  })

  it('locates a slide or scenario the deck does not have in the plan file', async () => {
    const deck = await deckWith(`${PLAN_60}    hide: [intro, outro]\n    swaps:\n      not-polled: ${second!.id}\n`)
    expect(formatIssues(deck.planIssues.map(issue => ({ ...issue, file: 'plans.yaml' })))).toBe([
      'plans.yaml:7:19  plans.60.hide.1: no slide has routeAlias "outro"; use one of: extra, intro',
      `plans.yaml:9:19  plans.60.swaps.not-polled: no slide polls "not-polled"; swap a scenario the deck polls`,
    ].join('\n'))
  })
})

describe('the shipped plans', () => {
  let plans: SessionPlans
  const decks = new Map<string, DeckPlan>()
  beforeAll(async () => {
    plans = loadSessionPlans()
    for (const [name, plan] of plans.plans)
      decks.set(name, await loadDeckPlan(KIT_ROOT, { library, plan }))
  })

  it('offer a 60- and a 90-minute session, and name only slides and scenarios that exist', () => {
    expect([...plans.plans.keys()].sort()).toEqual(['60', '90'])
    for (const deck of decks.values()) {
      expect(deck.problems).toEqual([])
      expect(deck.planIssues).toEqual([])
    }
  })

  it('add up, notes plus polls, to within 5% of their length', () => {
    for (const [name, deck] of decks) {
      const { minutes } = plans.plans.get(name)!
      expect(Math.abs(deck.totalMinutes - minutes) / minutes, `plan ${name}: ${deck.totalMinutes} of ${minutes} minutes`).toBeLessThanOrEqual(0.05)
    }
  })

  it('give the 90 a break and keep every poll of the deck in both', () => {
    const slides = (name: string) => decks.get(name)!.parts.flatMap(part => part.slides)
    expect(slides('90').some(slide => slide.alias === 'break')).toBe(true)
    expect(slides('60').some(slide => slide.alias === 'break')).toBe(false)
    expect(decks.get('60')!.polls.map(poll => poll.scenarioId)).toEqual(decks.get('90')!.polls.map(poll => poll.scenarioId))
  })

  it('end every part with its key points, in every plan', () => {
    for (const deck of decks.values()) {
      for (const part of deck.parts.slice(1, 6))
        expect(part.slides.filter(slide => slide.alias !== 'break').at(-1)!.content, part.file).toContain('<KeyPoints')
    }
  })

  it('number each poll the same on the slide and the phone', () => {
    for (const deck of decks.values()) {
      const phones = numberDefinitions(definitionsFromLibrary(library), deck)
      for (const poll of deck.polls) {
        const slide = deck.parts.flatMap(part => part.slides).find(candidate => candidate.number === poll.slide)!
        expect(slide.polls).toContain(poll.scenarioId)
        expect(phones.find(definition => definition.id === poll.scenarioId)!.title).toBe(`Poll ${poll.number}: ${library.byId.get(poll.scenarioId)!.title}`)
      }
      expect(deck.polls.map(poll => poll.number)).toEqual(deck.polls.map((_, index) => index + 1))
    }
  })
})
