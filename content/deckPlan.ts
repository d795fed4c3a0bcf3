import type { ScenarioLibrary } from './loadScenarios.ts'
import { relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'
import { loadScenarioLibrary } from './loadScenarios.ts'

// A poll slide names its scenario: `<ScenarioPoll id="…" />` (or the static `<ScenarioCard id="…" />`).
const SCENARIO_COMPONENT = /<Scenario(?:Poll|Card)\s(?:[^>]*\s)?id=["']([a-z0-9-]+)["']/g

/** The scenario ids a slide polls, from its `<ScenarioPoll id="…" />` (or static `<ScenarioCard id="…" />`) components. */
export function polledScenarioIds(slideContent: string): string[] {
  return [...slideContent.matchAll(SCENARIO_COMPONENT)].map(match => match[1]!)
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
  /** The slide's source: the deck file and its 1-based line, for messages. */
  source: { file: string, line: number }
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
}

// Every facilitator note opens with the time to spend, e.g. "[3 min]" or "[0.5 min]".
export const MINUTES_PATTERN = /^\s*\[(\d+(?:\.\d+)?) min\]/

/** Reads the minutes a facilitator note asks for, or undefined when it does not start with `[N min]`. */
export function minutesFromNote(note: string | undefined): number | undefined {
  const match = note?.match(MINUTES_PATTERN)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

export interface LoadDeckPlanOptions {
  /** Where poll slides take their minutes from (default: the kit's scenario library). */
  library?: Pick<ScenarioLibrary, 'byId'>
  /** The deck's entry file (default: slides.md). */
  entry?: string
}

/**
 * Parses the deck the way Slidev does and groups its slides by source file, with timings:
 * a poll slide's time is its scenario's `minutes` (one number, in one place), any other
 * slide's is the `[N min]` its note starts with.
 */
export async function loadDeckPlan(root: string, { library, entry = 'slides.md' }: LoadDeckPlanOptions = {}): Promise<DeckPlan> {
  const scenarios = (library ?? loadScenarioLibrary()).byId
  const data = await load({ roots: [root], userRoot: root }, resolve(root, entry))
  const parts: DeckPart[] = []
  const problems: string[] = []

  for (const slide of data.slides) {
    const file = relative(root, slide.source.filepath)
    const number = slide.index + 1
    const title = slide.title?.trim() || `(untitled slide ${number})`
    const notes = slide.note?.trim() ?? ''
    const polls = polledScenarioIds(slide.content)
    const source = { file, line: slide.source.start + 1 }
    const where = `${file}:${source.line}  slide ${number} "${title}"`
    const noteMinutes = minutesFromNote(notes)
    let minutes = noteMinutes ?? 0
    if (polls.length > 0) {
      minutes = 0
      for (const id of polls) {
        const scenario = scenarios.get(id)
        if (scenario)
          minutes += scenario.minutes
        else
          problems.push(`${where}: it polls "${id}", which is not in the scenario library`)
      }
      if (noteMinutes !== undefined)
        problems.push(`${where}: a poll slide takes its time from its scenario's minutes (${minutes}); remove "[${noteMinutes} min]" from its notes`)
    }
    else if (noteMinutes === undefined) {
      problems.push(notes
        ? `${where}: its notes must start with the minutes to spend, e.g. [3 min]`
        : `${where}: it has no facilitator notes; add an HTML comment at the end of the slide`)
    }
    if (!notes && polls.length > 0)
      problems.push(`${where}: it has no facilitator notes; add an HTML comment at the end of the slide`)

    let part = parts.at(-1)
    if (part?.file !== file) {
      part = { file, title, minutes: 0, slides: [] }
      parts.push(part)
    }
    part.slides.push({ number, title, minutes, notes, content: slide.content, polls, source })
    part.minutes += minutes
  }

  for (const [file, markdown] of Object.entries(data.markdownFiles)) {
    for (const error of markdown.errors ?? [])
      problems.push(`${relative(root, file)}:${error.row + 1}  ${error.message}`)
  }

  const totalMinutes = parts.reduce((sum, part) => sum + part.minutes, 0)
  const headTitle = typeof data.headmatter.title === 'string' ? data.headmatter.title.trim() : ''
  const title = headTitle || parts[0]?.title || 'Workshop'
  return { title, parts, totalMinutes, problems }
}
