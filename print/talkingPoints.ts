// Turns a slide's facilitator note into printable pieces. Notes follow the deck's
// convention: a first line `[N min]` (not on poll slides, whose time is the
// scenario's), then one talking point per line, and a line `Ask: …` with the
// question for the room.

import { MINUTES_PATTERN } from '../content/deckPlan.ts'
import { OPTIONAL_ASK } from '../content/planPreparser.ts'

export interface TalkingPoint {
  /** A short lead-in such as "Reveal" when the line starts with one, e.g. "Reveal: show the split". */
  label?: string
  text: string
}

export interface TalkingPoints {
  points: TalkingPoint[]
  /** The essential question for the room, without the "Ask:" prefix. */
  ask?: string
  /** Prompts marked `Ask (optional …):`, which a tight plan drops. */
  optionalAsks: string[]
}

const ASK = /^ask:\s*/i
// A lead-in is one to three words before a colon, like "Run the poll:" or "Debrief:".
const LEAD_IN = /^([A-Z][a-z]*(?: [a-z]+){0,2}):\s+(\S.*)$/

/** Splits a facilitator note into talking points and the question to ask. */
export function talkingPoints(note: string): TalkingPoints {
  const lines = note.replace(MINUTES_PATTERN, '').split('\n').map(line => line.trim()).filter(Boolean)
  const points: TalkingPoint[] = []
  let ask: string | undefined
  const optionalAsks: string[] = []
  for (const line of lines) {
    if (OPTIONAL_ASK.test(line)) {
      optionalAsks.push(line.replace(OPTIONAL_ASK, ''))
      continue
    }
    if (ASK.test(line)) {
      ask = line.replace(ASK, '')
      continue
    }
    const lead = LEAD_IN.exec(line)
    points.push(lead ? { label: lead[1]!, text: lead[2]! } : { text: line })
  }
  return { points, ask, optionalAsks }
}
