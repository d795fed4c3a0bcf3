import type { ScenarioLibrary } from './loadScenarios.ts'
import type { SessionPlan } from './loadSessionPlans.ts'
import type { SeenSlide } from './planPreparser.ts'
import type { ScenarioIssue } from './scenarioLibraryError.ts'
import { relative, resolve, sep } from 'node:path'
import { injectPreparserExtensionLoader, load } from '@slidev/parser/fs'
import { loadScenarioLibrary } from './loadScenarios.ts'
import { optionalAskMinutes, planPreparser } from './planPreparser.ts'

// A poll slide names its scenario: `<ScenarioPoll id="…" />` (or the static `<ScenarioCard id="…" />`).
const SCENARIO_COMPONENT = /<Scenario(?:Poll|Card)\s(?:[^>]*\s)?id=["']([a-z0-9-]+)["']/g

/** The scenario ids a slide polls, from its `<ScenarioPoll id="…" />` (or static `<ScenarioCard id="…" />`) components. */
export function polledScenarioIds(slideContent: string): string[] {
  return [...slideContent.matchAll(SCENARIO_COMPONENT)].map(match => match[1]!)
}

// A scale or open poll: `<ScalePoll id="…" />` or `<OpenPoll id="…" />`. Not numbered like the scenario polls.
const PROMPT_COMPONENT = /<(?:ScalePoll|OpenPoll)\s(?:[^>]*\s)?id=["']([a-z0-9-]+)["']/g

/** The scale and open poll ids a slide places. */
export function placedPromptIds(slideContent: string): string[] {
  return [...slideContent.matchAll(PROMPT_COMPONENT)].map(match => match[1]!)
}

/** One slide as the facilitator plans it: its title, its minutes, and the note itself. */
export interface PlannedSlide {
  /** 1-based slide number, as Slidev shows it. */
  number: number
  title: string
  /** From the note's `[N min]`, or for a poll slide from its scenarios' `minutes`. */
  minutes: number
  notes: string
  /** The slide's markdown body, without frontmatter and notes. */
  content: string
  /** Scenario ids the slide polls, in order; empty for a slide without a poll. */
  polls: string[]
  /** Scale and open poll ids the slide places, in order (unnumbered: they are not in `DeckPlan.polls`); optional for hand-made plans. */
  prompts?: string[]
  /** The slide's source: the deck file and its 1-based line, for messages. */
  source: { file: string, line: number }
  /** The slide's `routeAlias`, the name session plans use for it. */
  alias?: string
}

/** A poll as the room meets it: numbered in deck order, the same on slide, phone and handout. */
export interface PlannedPoll {
  number: number
  scenarioId: string
  slide: number
}

/** One markdown file of the deck (the opening, a section, the conclusion). */
export interface DeckPart {
  /** Path relative to the kit root, e.g. `pages/01-defining-the-roles.md`. */
  file: string
  /** Title of the part's first slide. */
  title: string
  minutes: number
  slides: PlannedSlide[]
}

export interface DeckPlan {
  /** The deck's title from the headmatter (`title:`), else its first slide's title. */
  title: string
  parts: DeckPart[]
  totalMinutes: number
  /** Slides whose time is missing or given twice, and polls of unknown scenarios. */
  problems: string[]
  /** The shown polls in deck order, numbered from 1. */
  polls: PlannedPoll[]
  /** The session plan applied, if any. */
  plan?: SessionPlan
  /** The plan names slides or scenarios the deck or library lacks: located in the plan file. */
  planIssues: ScenarioIssue[]
}

// Every facilitator note opens with the time to spend, e.g. "[3 min]" or "[0.5 min]".
export const MINUTES_PATTERN = /^\s*\[(\d+(?:\.\d+)?) min\]/

/** Reads the minutes a facilitator note asks for, or undefined when it does not start with `[N min]`. */
export function minutesFromNote(note: string | undefined): number | undefined {
  const match = note?.match(MINUTES_PATTERN)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

export interface LoadDeckPlanOptions {
  /** Where poll slides take their minutes from (default: the kit's scenario library); without `promptsById`, no scale or open poll is known. */
  library?: Pick<ScenarioLibrary, 'byId'> & Partial<Pick<ScenarioLibrary, 'promptsById'>>
  /** The deck's entry file (default: slides.md). */
  entry?: string
  /** Show the deck as this plan runs it; without one, every slide that is not hidden in the markdown. */
  plan?: SessionPlan
}

/**
 * Parses the deck the way Slidev does and groups its slides by source file, with timings:
 * a poll slide's time is its scenario's `minutes` (one number, in one place), any other
 * slide's is the `[N min]` its note starts with. A scale or open poll placed again later
 * (its round 2) is a shorter re-ask: that slide's note gives its minutes.
 */
export async function loadDeckPlan(root: string, { library, entry = 'slides.md', plan }: LoadDeckPlanOptions = {}): Promise<DeckPlan> {
  const { byId: scenarios, promptsById: prompts = new Map() } = library ?? loadScenarioLibrary()
  const placedPrompts = new Set<string>()
  const seen: SeenSlide[] = []
  let collecting = true
  // The same extension the running deck gets from setup/preparser.ts, so guide and deck agree.
  // The loader is global to the parser: inside Slidev (the plan's Vite plugin) it stands in for
  // Slidev's own, with the same plan, so later re-parses must stop feeding this call's list.
  injectPreparserExtensionLoader(async () => plan ? [planPreparser(plan, slide => collecting && seen.push(slide))] : [])
  const data = await load({ roots: [root], userRoot: root }, resolve(root, entry))
  collecting = false
  const parts: DeckPart[] = []
  const problems: string[] = []

  for (const slide of data.slides) {
    // A part's file is an id (`pages/01-….md`) as well as a label: the same on Windows as elsewhere.
    const file = relative(root, slide.source.filepath).split(sep).join('/')
    const number = slide.index + 1
    const title = slide.title?.trim() || `(untitled slide ${number})`
    const notes = slide.note?.trim() ?? ''
    const polls = polledScenarioIds(slide.content)
    const slidePrompts = placedPromptIds(slide.content)
    const firstAsked = slidePrompts.filter(id => !placedPrompts.has(id))
    slidePrompts.forEach(id => placedPrompts.add(id))
    const source = { file, line: slide.source.start + 1 }
    const where = `${file}:${source.line}  slide ${number} "${title}"`
    const noteMinutes = minutesFromNote(notes)
    let minutes = (noteMinutes ?? 0) + optionalAskMinutes(notes)
    if (polls.length > 0 || firstAsked.length > 0) {
      minutes = optionalAskMinutes(notes)
      for (const id of polls) {
        const scenario = scenarios.get(id)
        if (scenario)
          minutes += scenario.minutes
        else
          problems.push(`${where}: it polls "${id}", which is not in the scenario library`)
      }
      for (const id of firstAsked) {
        const prompt = prompts.get(id)
        if (prompt)
          minutes += prompt.minutes
        else
          problems.push(`${where}: it places "${id}", which is not a scale or open poll in the scenario library`)
      }
      if (noteMinutes !== undefined)
        problems.push(`${where}: a poll slide takes its time from its scenario's minutes (${minutes}); remove "[${noteMinutes} min]" from its notes`)
    }
    else if (noteMinutes === undefined) {
      problems.push(notes
        ? `${where}: its notes must start with the minutes to spend, e.g. [3 min]${slidePrompts.length > 0 ? ' (a poll asked again takes its time from its notes)' : ''}`
        : `${where}: it has no facilitator notes; add an HTML comment at the end of the slide`)
    }
    if (!notes && (polls.length > 0 || firstAsked.length > 0))
      problems.push(`${where}: it has no facilitator notes; add an HTML comment at the end of the slide`)

    let part = parts.at(-1)
    if (part?.file !== file) {
      part = { file, title, minutes: 0, slides: [] }
      parts.push(part)
    }
    const alias = typeof slide.frontmatter.routeAlias === 'string' ? slide.frontmatter.routeAlias : undefined
    part.slides.push({ number, title, minutes, notes, content: slide.content, polls, prompts: slidePrompts, source, alias })
    part.minutes += minutes
  }

  for (const [file, markdown] of Object.entries(data.markdownFiles)) {
    for (const error of markdown.errors ?? [])
      problems.push(`${relative(root, file)}:${error.row + 1}  ${error.message}`)
  }

  const totalMinutes = parts.reduce((sum, part) => sum + part.minutes, 0)
  const headTitle = typeof data.headmatter.title === 'string' ? data.headmatter.title.trim() : ''
  const title = headTitle || parts[0]?.title || 'Workshop'
  const polls = parts.flatMap(part => part.slides).flatMap(slide => slide.polls.map(scenarioId => ({ scenarioId, slide: slide.number }))).map((poll, index) => ({ ...poll, number: index + 1 }))
  const planIssues = plan ? checkPlanAgainstDeck(plan, seen, scenarios) : []
  return { title, parts, totalMinutes, problems, polls, plan, planIssues }
}

/** Every slide and scenario a plan names must exist: a typo would silently show a slide the plan meant to cut. */
function checkPlanAgainstDeck(plan: SessionPlan, seen: readonly SeenSlide[], scenarios: ReadonlyMap<string, unknown>): ScenarioIssue[] {
  const aliases = new Set(seen.flatMap(slide => slide.alias ?? []))
  const polled = new Set(seen.flatMap(slide => slide.polls))
  const known = [...aliases].sort().join(', ')
  const issues: ScenarioIssue[] = []
  for (const key of ['hide', 'cutsWhenLate'] as const) {
    plan[key].forEach((alias, index) => {
      if (!aliases.has(alias))
        issues.push(plan.issueAt([key, index], `no slide has routeAlias "${alias}"; use one of: ${known}`))
    })
  }
  for (const [from, to] of Object.entries(plan.swaps)) {
    if (!polled.has(from))
      issues.push(plan.issueAt(['swaps', from], `no slide polls "${from}"; swap a scenario the deck polls`))
    if (!scenarios.has(to))
      issues.push(plan.issueAt(['swaps', from], `"${to}" is not in the scenario library`))
    else if (polled.has(to))
      issues.push(plan.issueAt(['swaps', from], `"${to}" is already polled in the deck; pick a spare`))
  }
  return issues
}
