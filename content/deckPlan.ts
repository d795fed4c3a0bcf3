import { relative, resolve } from 'node:path'
import { load } from '@slidev/parser/fs'

/** One slide as the facilitator plans it: its title, the minutes its note gives, and the note itself. */
export interface PlannedSlide {
  /** 1-based slide number, as Slidev shows it. */
  number: number
  title: string
  minutes: number
  notes: string
  /** The slide's markdown body, without frontmatter and notes. */
  content: string
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
  /** Slides whose notes are missing or do not start with `[N min]`. */
  problems: string[]
}

// Every facilitator note opens with the time to spend, e.g. "[3 min]" or "[0.5 min]".
export const MINUTES_PATTERN = /^\s*\[(\d+(?:\.\d+)?) min\]/

/** Reads the minutes a facilitator note asks for, or undefined when it does not start with `[N min]`. */
export function minutesFromNote(note: string | undefined): number | undefined {
  const match = note?.match(MINUTES_PATTERN)
  return match?.[1] === undefined ? undefined : Number(match[1])
}

/** Parses the deck the way Slidev does and groups its slides by source file, with timings from the notes. */
export async function loadDeckPlan(root: string, entry = 'slides.md'): Promise<DeckPlan> {
  const data = await load({ roots: [root], userRoot: root }, resolve(root, entry))
  const parts: DeckPart[] = []
  const problems: string[] = []

  for (const slide of data.slides) {
    const file = relative(root, slide.source.filepath)
    const number = slide.index + 1
    const title = slide.title?.trim() || `(untitled slide ${number})`
    const notes = slide.note?.trim() ?? ''
    const minutes = minutesFromNote(notes)
    if (minutes === undefined) {
      const where = `${file}:${slide.source.start + 1}`
      problems.push(notes
        ? `${where}  slide ${number} "${title}": its notes must start with the minutes to spend, e.g. [3 min]`
        : `${where}  slide ${number} "${title}": it has no facilitator notes; add an HTML comment at the end of the slide`)
    }

    let part = parts.at(-1)
    if (part?.file !== file) {
      part = { file, title, minutes: 0, slides: [] }
      parts.push(part)
    }
    part.slides.push({ number, title, minutes: minutes ?? 0, notes, content: slide.content })
    part.minutes += minutes ?? 0
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
