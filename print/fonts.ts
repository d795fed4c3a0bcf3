// Fonts embedded in every document, so a handout looks the same on every machine and
// the HTML copy works offline: Inter (the deck's typeface) from its fontsource package,
// inlined as base64 woff2. Static weights, not the variable font: Chromium embeds a
// variable font in a PDF as Type 3 glyphs, which some viewers render poorly.
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { UserFacingError } from '../lib/userFacingError'
import { EMOJI_FAMILY, emojiFaceCss, emojiPartsFor } from './emojiFont.ts'

/** The family name documents use in `font-family`. */
export const FONT_FAMILY = 'Inter'

/** The whole `font-family` list: Inter, then emoji, then whatever the machine has. */
export const FONT_STACK = `'${FONT_FAMILY}', '${EMOJI_FAMILY}', sans-serif`

/** The weights the print styles use; any other weight would be synthesised. */
export const FONT_WEIGHTS = [400, 600, 700] as const

const PACKAGE = '@fontsource/inter'
const SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext']
const ITALIC_SUBSETS = ['latin', 'latin-ext']

/** One inlined `@font-face` rule per subset, weight and style, read once per process. */
const faces = new Map<string, string>()
let subsetRanges: Map<string, Array<[number, number]>> | undefined

/**
 * `@font-face` rules for Inter with the font files inlined: only the subsets (latin,
 * cyrillic, greek, …) that hold a character of `text`, so a handout in English carries two
 * of the seven and Chromium parses a fraction of the CSS. Choosing whole subsets by their
 * unicode-range can never drop a glyph Inter has. `roomText` (answers typed by the room,
 * any script) is printed at the regular weight only, so a subset only it needs comes in
 * that weight alone; its emoji come from Noto Emoji.
 */
export function fontFaceCss(text: string, roomText = ''): string {
  const used = subsetsFor(text)
  const roomOnly = subsetsFor(roomText).filter(subset => !used.includes(subset))
  const inter = [...unicodeRanges().values()].flat()
  const emoji = emojiPartsFor(text + roomText, code => inter.some(([from, to]) => code >= from && code <= to))
  return [
    ...FONT_WEIGHTS.flatMap(weight => used.map(subset => face(subset, weight, 'normal'))),
    ...used.filter(subset => ITALIC_SUBSETS.includes(subset)).map(subset => face(subset, 400, 'italic')),
    ...roomOnly.map(subset => face(subset, 400, 'normal')),
    ...(emoji.length > 0 ? [emojiFaceCss(emoji)] : []),
  ].join('\n')
}

/** The subsets holding at least one character of `text`; latin always (the documents' own labels). */
export function subsetsFor(text: string): string[] {
  const ranges = unicodeRanges()
  const codes = new Set<number>()
  for (const character of text)
    codes.add(character.codePointAt(0)!)
  return SUBSETS.filter(subset => subset === 'latin' || [...codes].some(code => ranges.get(subset)!.some(([from, to]) => code >= from && code <= to)))
}

/** Every subset's unicode-range, parsed: `U+0000-00FF,U+0131` → [[0, 255], [305, 305]]. */
export function unicodeRanges(): Map<string, Array<[number, number]>> {
  subsetRanges ??= new Map(Object.entries(readRanges()).filter(([subset]) => SUBSETS.includes(subset)).map(([subset, range]) => [subset, range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?]
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)] as [number, number]
  })]))
  for (const subset of SUBSETS) {
    if (!subsetRanges.has(subset))
      throw new UserFacingError(`${PACKAGE} has no "${subset}" subset; reinstall it with npm install`)
  }
  return subsetRanges
}

let rawRanges: Record<string, string> | undefined

function readRanges(): Record<string, string> {
  const require = createRequire(import.meta.url)
  rawRanges ??= JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>
  return rawRanges
}

function face(subset: string, weight: number, style: 'normal' | 'italic'): string {
  const key = `${subset}-${weight}-${style}`
  let rule = faces.get(key)
  if (rule === undefined) {
    const require = createRequire(import.meta.url)
    const range = readRanges()[subset]!
    const file = readFileSync(require.resolve(`${PACKAGE}/files/inter-${key}.woff2`))
    rule = `@font-face { font-family: '${FONT_FAMILY}'; font-style: ${style}; font-weight: ${weight}; font-display: block; `
      + `src: url(data:font/woff2;base64,${Buffer.from(file).toString('base64')}) format('woff2'); unicode-range: ${range}; }`
    faces.set(key, rule)
  }
  return rule
}
