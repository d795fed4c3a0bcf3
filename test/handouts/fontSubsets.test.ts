import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'
import { buildHandouts } from '../../print/buildHandouts'
import { subsetsFor, unicodeRanges } from '../../print/fonts'

const work = mkdtempSync(join(tmpdir(), 'handouts-fonts-'))
let files: string[] = []
beforeAll(async () => {
  await buildHandouts({ outDir: work, format: 'html', paper: 'a4', resultsFile: join(KIT_ROOT, 'test/fixtures/results/session-results.json'), deckRoot: KIT_ROOT })
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
      const faces = readFileSync(file, 'utf8').match(/@font-face/g)?.length ?? 0
      expect(faces, file).toBeLessThanOrEqual(8)
      expect(statSync(file).size, file).toBeLessThan(300_000)
    }
  })
})
