// Emoji in the room's answers ("Herding cats 🐈"): Inter has none, and a machine without
// an emoji font prints an empty box. Noto Emoji (monochrome, so it prints like text) from
// its fontsource package fills in, inlined like Inter: only the parts of the font that
// hold a character Inter cannot draw, one weight.
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { UserFacingError } from '../lib/userFacingError.ts'

/** The family name documents use after Inter in `font-family`. */
export const EMOJI_FAMILY = 'Noto Emoji'

const PACKAGE = '@fontsource/noto-emoji'
/** Joiners and variation selectors go with the emoji beside them; alone they choose no part of the font. */
const MODIFIERS = new Set([0x200D, 0xFE0E, 0xFE0F])

type Ranges = Array<[number, number]>
let parts: Map<string, Ranges> | undefined
const faces = new Map<string, string>()

function parseRanges(range: string): Ranges {
  return range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?]
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)]
  })
}

const holds = (ranges: Ranges, code: number) => ranges.some(([from, to]) => code >= from && code <= to)

/** The font's parts ("[0]" … "[10]") with their unicode-ranges, read once. */
export function emojiParts(): Map<string, Ranges> {
  if (!parts) {
    const require = createRequire(import.meta.url)
    let raw: Record<string, string>
    try {
      raw = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>
    }
    catch {
      throw new UserFacingError(`${PACKAGE} is missing; reinstall the kit's packages with npm install`)
    }
    parts = new Map(Object.entries(raw).map(([name, range]) => [name, parseRanges(range)]))
  }
  return parts
}

/** The parts that draw the characters of `text` that `covered` (Inter) does not: the first part holding each. */
export function emojiPartsFor(text: string, covered: (code: number) => boolean): string[] {
  const needed = new Set<string>()
  for (const character of text) {
    const code = character.codePointAt(0)!
    if (MODIFIERS.has(code) || covered(code))
      continue
    const part = [...emojiParts()].find(([, ranges]) => holds(ranges, code))
    if (part)
      needed.add(part[0])
  }
  return [...needed]
}

/** One inlined `@font-face` rule per part. */
export function emojiFaceCss(partNames: readonly string[]): string {
  const require = createRequire(import.meta.url)
  return partNames.map((name) => {
    let rule = faces.get(name)
    if (rule === undefined) {
      const file = readFileSync(require.resolve(`${PACKAGE}/files/noto-emoji-${name.replace(/\D/g, '')}-400-normal.woff2`))
      const range = emojiParts().get(name)!.map(([from, to]) => (from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`)).join(',')
      rule = `@font-face { font-family: '${EMOJI_FAMILY}'; font-style: normal; font-weight: 400; font-display: block; `
        + `src: url(data:font/woff2;base64,${Buffer.from(file).toString('base64')}) format('woff2'); unicode-range: ${range}; }`
      faces.set(name, rule)
    }
    return rule
  }).join('\n')
}
