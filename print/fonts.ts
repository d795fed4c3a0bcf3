// Fonts embedded in every document, so a handout looks the same on every machine and
// the HTML copy works offline: Inter (the deck's typeface) from its fontsource package,
// inlined as base64 woff2. Static weights, not the variable font: Chromium embeds a
// variable font in a PDF as Type 3 glyphs, which some viewers render poorly.
import { Buffer } from 'node:buffer'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { UserFacingError } from '../lib/userFacingError'

/** The family name documents use in `font-family`. */
export const FONT_FAMILY = 'Inter'

/** The weights the print styles use; any other weight would be synthesised. */
export const FONT_WEIGHTS = [400, 600, 700] as const

const PACKAGE = '@fontsource/inter'
const SUBSETS = ['latin', 'latin-ext', 'vietnamese', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext']
const ITALIC_SUBSETS = ['latin', 'latin-ext']

let cached: string | undefined

/** `@font-face` rules for Inter, with the font files inlined. */
export function fontFaceCss(): string {
  cached ??= buildFontFaces()
  return cached
}

function buildFontFaces(): string {
  const require = createRequire(import.meta.url)
  const ranges = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/unicode.json`), 'utf8')) as Record<string, string>
  const face = (subset: string, weight: number, style: 'normal' | 'italic') => {
    const range = ranges[subset]
    if (!range)
      throw new UserFacingError(`${PACKAGE} has no "${subset}" subset; reinstall it with npm install`)
    const file = readFileSync(require.resolve(`${PACKAGE}/files/inter-${subset}-${weight}-${style}.woff2`))
    return `@font-face { font-family: '${FONT_FAMILY}'; font-style: ${style}; font-weight: ${weight}; font-display: block; `
      + `src: url(data:font/woff2;base64,${Buffer.from(file).toString('base64')}) format('woff2'); unicode-range: ${range}; }`
  }
  return [
    ...FONT_WEIGHTS.flatMap(weight => SUBSETS.map(subset => face(subset, weight, 'normal'))),
    ...ITALIC_SUBSETS.map(subset => face(subset, 400, 'italic')),
  ].join('\n')
}
