import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { buildHandouts } from '../../print/buildHandouts'
import { emojiPartsFor } from '../../print/emojiFont'
import { fontFaceCss, subsetsFor, unicodeRanges } from '../../print/fonts'

const RESULTS = join(KIT_ROOT, 'test/fixtures/results/session-results.json')
/** Every approved answer text of the fixture: the room's own words, in any script. */
const answerTexts: string[] = JSON.parse(readFileSync(RESULTS, 'utf8')).openPolls.flatMap((poll: { rounds: { approved: { text: string }[] }[] }) =>
  poll.rounds.flatMap(round => round.approved.map(group => group.text)))
/** The inlined faces' CSS, without the font data. */
function faceRules(html: string) {
  return [...html.matchAll(/@font-face \{ font-family: '([^']+)'; font-style: (\w+); font-weight: (\d+);[^}]*unicode-range: ([^;]+);/g)]
    .map(([, family, style, weight, range]) => ({ family: family!, style: style!, weight: Number(weight), ranges: parseRange(range!) }))
}

const work = mkdtempSync(join(tmpdir(), 'handouts-fonts-'))
let files: string[] = []
beforeAll(async () => {
  await buildHandouts({ outDir: work, format: 'html', paper: 'a4', resultsFile: RESULTS, deckRoot: KIT_ROOT })
  files = readdirSync(work).filter(name => name.endsWith('.html')).map(name => join(work, name))
})
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Inter covers a code point when any of its subsets' ranges holds it. */
function covered(code: number, ranges: Array<[number, number]>): boolean {
  return ranges.some(([from, to]) => code >= from && code <= to)
}

function parseRange(range: string): Array<[number, number]> {
  return range.split(',').map((part) => {
    const [from, to = from] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?]
    return [Number.parseInt(from, 16), Number.parseInt(to, 16)]
  })
}

describe('embedded font subsets', () => {
  it('picks the subsets a text needs, and latin always', () => {
    expect(subsetsFor('Who decides the roadmap?')).toEqual(['latin'])
    expect(subsetsFor('Ärger über Prioritäten, naïve café')).toEqual(['latin'])
    expect(subsetsFor('Łódź, Şişli')).toEqual(['latin', 'latin-ext'])
    expect(subsetsFor('Менеджер продукта')).toContain('cyrillic')
    expect(subsetsFor('Διαχειριστής')).toContain('greek')
    expect(subsetsFor('Quản lý dự án')).toContain('vietnamese')
  })

  it('embeds a face for every character of every built document that Inter can draw', () => {
    const allInter = [...unicodeRanges().values()].flat()
    expect(files.length).toBeGreaterThanOrEqual(4)
    for (const file of files) {
      const html = readFileSync(file, 'utf8')
      const embedded = [...html.matchAll(/unicode-range: ([^;]+);/g)].flatMap(match => parseRange(match[1]!))
      const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, '')
      const dropped = new Set<string>()
      for (const character of text) {
        const code = character.codePointAt(0)!
        if (covered(code, allInter) && !covered(code, embedded))
          dropped.add(character)
      }
      expect([...dropped], file).toEqual([])
    }
  })

  it('keeps each document small enough to open quickly: only the subsets it uses are inlined', () => {
    for (const file of files) {
      const html = readFileSync(file, 'utf8')
      const faces = faceRules(html).filter(face => face.family === 'Inter').length
      expect(faces, file).toBeLessThanOrEqual(8)
      // Emoji faces come only with emoji in the room's answers; everything else stays small.
      const emojiBytes = [...html.matchAll(/@font-face \{ font-family: 'Noto Emoji'[^}]*\}/g)].reduce((sum, match) => sum + match[0].length, 0)
      expect(statSync(file).size - emojiBytes, file).toBeLessThan(300_000)
    }
  })

  it('embeds a face for every character of the room\'s answers, emoji included', () => {
    const report = readFileSync(join(work, 'report.html'), 'utf8')
    const embedded = faceRules(report).flatMap(face => face.ranges)
    const missing = new Set<string>()
    for (const character of answerTexts.join('')) {
      const code = character.codePointAt(0)!
      if (code !== 0x200D && code !== 0xFE0F && !covered(code, embedded))
        missing.add(character)
    }
    expect(answerTexts.join('')).toMatch(/\p{Extended_Pictographic}/u)
    expect([...missing]).toEqual([])
  })

  it('draws a script only the answers use at the regular weight alone, and no emoji face for a document without emoji', () => {
    const cyrillic = unicodeRanges().get('cyrillic')!
    const report = faceRules(readFileSync(join(work, 'report.html'), 'utf8'))
    const cyrillicFaces = report.filter(face => face.family === 'Inter' && face.ranges.some(([from]) => cyrillic.some(([start]) => start === from)))
    expect(cyrillicFaces.map(face => face.weight)).toEqual([400])
    expect(faceRules(fontFaceCss('Planning, deadlines')).map(face => face.family)).not.toContain('Noto Emoji')
    expect(faceRules(fontFaceCss('Kit', 'Herding cats 🐈')).filter(face => face.family === 'Noto Emoji')).toHaveLength(1)
    expect(emojiPartsFor('Tea ☕️ and 👩‍💻', () => false).length).toBeGreaterThan(0)
    expect(emojiPartsFor('1#*', code => code < 0x80)).toEqual([])
  })
})
