import type { DeckPlan } from '../../content/deckPlan'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadDeckPlan, minutesFromNote, polledScenarioIds } from '../../content/deckPlan'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { productManager, projectManager } from '../../content/roleFacts'
import { sections } from '../../content/sections'
import { KIT_ROOT } from '../../lib/kitPaths'

const PART_FILES = [
  'pages/00-opening.md',
  'pages/01-defining-the-roles.md',
  'pages/02-responsibilities-and-scope.md',
  'pages/03-skills-and-competencies.md',
  'pages/04-collaboration-and-team-dynamics.md',
  'pages/05-career-paths-and-growth.md',
  'pages/06-conclusion.md',
]

describe('minutesFromNote', () => {
  it('reads whole and fractional minutes from the start of a note', () => {
    expect(minutesFromNote('[3 min]\nSay hello.')).toBe(3)
    expect(minutesFromNote('  [0.5 min] quick')).toBe(0.5)
  })

  it('ignores notes without a leading time', () => {
    expect(minutesFromNote('Say hello. [3 min]')).toBeUndefined()
    expect(minutesFromNote(undefined)).toBeUndefined()
  })
})

describe('the workshop deck', () => {
  let plan: DeckPlan
  beforeAll(async () => {
    plan = await loadDeckPlan(KIT_ROOT)
  })

  it('has the opening, the five sections and the conclusion, in order, one file each', () => {
    expect(plan.parts.map(part => part.file)).toEqual(PART_FILES)
  })

  it('opens each section with its title', () => {
    const sectionParts = plan.parts.slice(1, 6)
    expect(sectionParts.map(part => part.title)).toEqual(sections.map(section => section.title))
  })

  it('has facilitator notes with minutes on every slide', () => {
    expect(plan.problems).toEqual([])
    for (const part of plan.parts) {
      for (const slide of part.slides)
        expect(slide.notes.split('\n').length, `notes of slide ${slide.number} say what to do`).toBeGreaterThan(1)
    }
  })

  it('fits a 60–90 minute session when every slide is shown (the session plans check each length)', () => {
    expect(plan.totalMinutes).toBeGreaterThanOrEqual(60)
    expect(plan.totalMinutes).toBeLessThanOrEqual(90 * 1.05)
  })

  it('asks the room something in every section', () => {
    for (const part of plan.parts.slice(1, 6))
      expect(part.slides.some(slide => /Ask:/.test(slide.notes)), part.file).toBe(true)
  })
})

describe('minutes of a poll slide', () => {
  const root = mkdtempSync(join(tmpdir(), 'deck-plan-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const library = loadScenarioLibrary()
  const [first, second] = library.scenarios

  async function planOf(markdown: string) {
    writeFileSync(join(root, 'slides.md'), markdown)
    return loadDeckPlan(root, { library })
  }

  it('come from the scenario file, so the number lives in one place', async () => {
    const plan = await planOf(`# Intro\n\n<!--\n[2 min]\nSay hello.\n-->\n\n---\n\n# Poll\n\n<ScenarioPoll id="${first!.id}" />\n\n<!--\nRun the poll.\n-->\n`)
    expect(plan.problems).toEqual([])
    expect(plan.parts[0]!.slides.map(slide => slide.minutes)).toEqual([2, first!.minutes])
    expect(plan.totalMinutes).toBe(2 + first!.minutes)
  })

  it('add up when one slide polls two scenarios', async () => {
    const plan = await planOf(`# Two polls\n\n<ScenarioPoll id="${first!.id}" />\n<ScenarioPoll id="${second!.id}" />\n\n<!--\nRun both.\n-->\n`)
    expect(plan.parts[0]!.slides[0]!.minutes).toBe(first!.minutes + second!.minutes)
  })

  it('are a problem when the note gives its own minutes too', async () => {
    const plan = await planOf(`# Poll\n\n<ScenarioPoll id="${first!.id}" />\n\n<!--\n[9 min]\nRun the poll.\n-->\n`)
    expect(plan.problems).toEqual([`slides.md:1  slide 1 "Poll": a poll slide takes its time from its scenario's minutes (${first!.minutes}); remove "[9 min]" from its notes`])
  })

  it('are a problem when the scenario does not exist', async () => {
    const plan = await planOf(`# Poll\n\n<ScenarioPoll id="no-such-scenario" />\n\n<!--\nRun the poll.\n-->\n`)
    expect(plan.problems).toEqual(['slides.md:1  slide 1 "Poll": it polls "no-such-scenario", which is not in the scenario library'])
  })
})

describe('minutes of a scale or open poll slide', () => {
  const root = mkdtempSync(join(tmpdir(), 'deck-plan-prompts-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))
  const library = loadScenarioLibrary()
  const scale = library.prompts.find(prompt => prompt.kind === 'scale')!

  async function planOf(markdown: string) {
    writeFileSync(join(root, 'slides.md'), markdown)
    return loadDeckPlan(root, { library })
  }

  it('come from the poll file where it is first asked, and from the note where it is asked again', async () => {
    const plan = await planOf(`# Scale\n\n<ScalePoll id="${scale.id}" />\n\n<!--\nRun it.\n-->\n\n---\n\n# Again\n\n<ScalePoll id="${scale.id}" />\n\n<!--\n[1.5 min]\nRound 2.\n-->\n`)
    expect(plan.problems).toEqual([])
    expect(plan.parts[0]!.slides.map(slide => [slide.minutes, slide.prompts])).toEqual([[scale.minutes, [scale.id]], [1.5, [scale.id]]])
    // Unnumbered: the scenario polls keep their numbers on slide, phone and handout.
    expect(plan.polls).toEqual([])
  })

  it('are a problem when the poll does not exist, or a round 2 has no minutes', async () => {
    const plan = await planOf(`# Open\n\n<OpenPoll id="no-such-poll" />\n\n<!--\nRun it.\n-->\n\n---\n\n# Scale\n\n<ScalePoll id="${scale.id}" />\n\n<!--\nRun it.\n-->\n\n---\n\n# Again\n\n<ScalePoll id="${scale.id}" />\n\n<!--\nRound 2.\n-->\n`)
    expect(plan.problems).toEqual([
      'slides.md:1  slide 1 "Open": it places "no-such-poll", which is not a scale or open poll in the scenario library',
      'slides.md:20  slide 3 "Again": its notes must start with the minutes to spend, e.g. [3 min] (a poll asked again takes its time from its notes)',
    ])
  })
})

describe('scenarios on the slides', () => {
  it('refer only to scenarios in the library, one or more per section', async () => {
    const plan = await loadDeckPlan(KIT_ROOT)
    const library = loadScenarioLibrary()
    for (const part of plan.parts.slice(0, 6)) {
      const ids = part.slides.flatMap(slide => polledScenarioIds(slide.content))
      expect(ids.length, `${part.file} has a scenario`).toBeGreaterThan(0)
      for (const id of ids)
        expect(library.byId.has(id), `${part.file}: scenario "${id}" exists`).toBe(true)
    }
  })
})

describe('the career ladders on the slides', () => {
  it('name every rung and pivot the handouts print, so deck and paper agree', async () => {
    const plan = await loadDeckPlan(KIT_ROOT)
    const careers = plan.parts.find(part => part.title === 'Career paths and growth')!
    const ladderSlide = careers.slides.find(slide => slide.content.includes('```mermaid'))!
    const text = ladderSlide.content.toLowerCase()
    for (const role of [productManager, projectManager]) {
      const { entry, mid, senior, pivots } = role.career
      for (const rung of [...entry, ...mid, ...senior, ...pivots])
        expect(text, `${role.title}: ${rung}`).toContain(rung.toLowerCase())
    }
  })
})
