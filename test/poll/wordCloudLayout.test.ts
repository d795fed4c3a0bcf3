import type { PlacedWord, WordCloudLayout, WordGroup } from '../../poll/wordCloudLayout'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { estimateTextWidth, fontSizeFor, GAP, layoutWordCloud, MAX_WORDS, MIN_FONT_SIZE } from '../../poll/wordCloudLayout'

const measure = estimateTextWidth

function overlaps(a: PlacedWord, b: PlacedWord, gap = 0): boolean {
  return Math.abs(a.x - b.x) < (a.width + b.width) / 2 + gap && Math.abs(a.y - b.y) < (a.height + b.height) / 2 + gap
}

function checkLayout(layout: WordCloudLayout, groups: readonly WordGroup[]): void {
  const distinct = new Set(groups.filter(group => group.count > 0).map(group => group.key)).size
  expect(layout.words.length).toBeLessThanOrEqual(MAX_WORDS)
  expect(layout.words.length + layout.hiddenCount).toBe(distinct)
  for (const [index, word] of layout.words.entries()) {
    expect(word.fontSize).toBeGreaterThanOrEqual(MIN_FONT_SIZE)
    expect(word.x - word.width / 2).toBeGreaterThanOrEqual(0)
    expect(word.y - word.height / 2).toBeGreaterThanOrEqual(0)
    expect(word.x + word.width / 2).toBeLessThanOrEqual(layout.width)
    expect(word.y + word.height / 2).toBeLessThanOrEqual(layout.height)
    for (const other of layout.words.slice(index + 1)) {
      expect(overlaps(word, other, GAP), `${word.text} overlaps ${other.text}`).toBe(false)
      // More votes is never smaller.
      if (word.count > other.count)
        expect(word.fontSize).toBeGreaterThanOrEqual(other.fontSize)
      if (other.count > word.count)
        expect(other.fontSize).toBeGreaterThanOrEqual(word.fontSize)
    }
  }
}

const WORDS = ['roadmap', 'stakeholders', 'deadline', 'vision', 'scope', 'budget', 'risk', 'users', 'why', 'Gantt chart', 'OKRs', 'discovery', 'delivery', 'team', 'trade-offs', 'priorities', 'outcomes', 'milestones', 'the customer', 'it depends']
const groupArb = fc.record({
  key: fc.string({ minLength: 1, maxLength: 4 }),
  text: fc.oneof(fc.constantFrom(...WORDS), fc.string({ minLength: 1, maxLength: 24 })),
  count: fc.integer({ min: 0, max: 60 }),
})
const groupsArb = fc.array(groupArb, { maxLength: 70 })
const boxArb = fc.record({ width: fc.integer({ min: 300, max: 1800 }), height: fc.integer({ min: 120, max: 800 }) })

function room(count: number): WordGroup[] {
  return Array.from({ length: count }, (_, index) => ({ key: `k${index}`, text: WORDS[index % WORDS.length]! + (index >= WORDS.length ? ` ${index}` : ''), count: 1 + ((index * 7) % 13) }))
}

describe('word cloud layout', () => {
  it('sizes words by votes on a fixed scale from the back-row minimum', () => {
    expect(fontSizeFor(1, 600)).toBe(MIN_FONT_SIZE)
    expect(fontSizeFor(2, 600)).toBe(46)
    expect(fontSizeFor(8, 600)).toBe(74)
    expect(fontSizeFor(10_000, 600)).toBe(120)
    // A short box lowers the largest size, never below the minimum.
    expect(fontSizeFor(10_000, 200)).toBe(43)
    expect(fontSizeFor(10_000, 50)).toBe(MIN_FONT_SIZE)
  })

  it('puts the most voted answer in the middle of the box', () => {
    const layout = layoutWordCloud({ groups: room(12), width: 1600, height: 600, measure })
    const top = layout.words[0]!
    expect(top.count).toBe(Math.max(...room(12).map(group => group.count)))
    expect([top.x, top.y]).toEqual([800, 300])
    checkLayout(layout, room(12))
  })

  it('shows 50 answers at most and counts the rest', () => {
    const groups = room(64)
    const layout = layoutWordCloud({ groups, width: 1800, height: 900, measure })
    expect(layout.words.length).toBeLessThanOrEqual(50)
    expect(layout.hiddenCount).toBe(64 - layout.words.length)
    checkLayout(layout, groups)
  })

  it('hides an answer too long for the box rather than overflowing it', () => {
    const groups = [{ key: 'a', text: 'x'.repeat(80), count: 3 }, { key: 'b', text: 'scope', count: 1 }]
    const layout = layoutWordCloud({ groups, width: 800, height: 300, measure })
    expect(layout.words.map(word => word.key)).toEqual(['b'])
    expect(layout.hiddenCount).toBe(1)
  })

  it('ignores groups with no votes, and a repeated key after the first with votes', () => {
    const groups = [{ key: 'a', text: 'scope', count: 2 }, { key: 'a', text: 'scope again', count: 5 }, { key: 'z', text: 'none', count: 0 }, { key: 'b', text: 'risk', count: 0 }, { key: 'b', text: 'risks', count: 1 }]
    const layout = layoutWordCloud({ groups, width: 800, height: 300, measure })
    expect(layout.words.map(word => [word.key, word.text])).toEqual([['a', 'scope'], ['b', 'risks']])
    expect(layout.hiddenCount).toBe(0)
  })

  it('keeps every word inside the box, apart and ordered by votes, for any answers', () => {
    fc.assert(fc.property(groupsArb, boxArb, (groups, box) => {
      checkLayout(layoutWordCloud({ groups, ...box, measure }), groups)
    }), { numRuns: 60 })
  })

  it('gives the same answers the same picture', () => {
    fc.assert(fc.property(groupsArb, boxArb, (groups, box) => {
      const first = layoutWordCloud({ groups, ...box, measure })
      expect(layoutWordCloud({ groups: [...groups], ...box, measure })).toEqual(first)
      expect(layoutWordCloud({ groups, ...box, measure, previous: first })).toEqual(first)
    }), { numRuns: 30 })
  })

  it('keeps each shown word at its centre while votes grow and answers arrive', () => {
    const growth = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 40, maxLength: 40 })
    const arrivals = fc.array(fc.record({ text: fc.constantFrom(...WORDS), count: fc.integer({ min: 1, max: 30 }) }), { maxLength: 12 })
    fc.assert(fc.property(fc.integer({ min: 1, max: 30 }), growth, arrivals, boxArb, (size, extra, added, box) => {
      const first = room(size)
      const before = layoutWordCloud({ groups: first, ...box, measure })
      const next = [
        ...first.map((group, index) => ({ ...group, count: group.count + extra[index]! })),
        ...added.map((group, index) => ({ key: `new${index}`, ...group })),
      ]
      const after = layoutWordCloud({ groups: next, ...box, measure, previous: before })
      checkLayout(after, next)
      for (const old of before.words) {
        const now = after.words.find(word => word.key === old.key)
        // Fewer than 50 answers: every word shown before is still shown, where it was.
        if (next.length <= MAX_WORDS)
          expect(now, `${old.text} disappeared`).toBeDefined()
        if (!now)
          continue
        expect([now.x, now.y]).toEqual([old.x, old.y])
        // Smaller only to keep the order: a word with as many votes or more is held at this size.
        if (now.fontSize < old.fontSize)
          expect(after.words.some(word => word.key !== now.key && word.count >= now.count && word.fontSize === now.fontSize)).toBe(true)
      }
    }), { numRuns: 40 })
  })

  it('grows a word in place when there is room around it', () => {
    const before = layoutWordCloud({ groups: [{ key: 'a', text: 'scope', count: 1 }], width: 1200, height: 600, measure })
    const after = layoutWordCloud({ groups: [{ key: 'a', text: 'scope', count: 8 }], width: 1200, height: 600, measure, previous: before })
    expect(after.words[0]).toMatchObject({ x: before.words[0]!.x, y: before.words[0]!.y, fontSize: fontSizeFor(8, 600) })
  })

  it('leaves room around new words, so a cloud that is not full grows in place as votes come in', () => {
    const first = room(20)
    const before = layoutWordCloud({ groups: first, width: 1700, height: 740, measure })
    const doubled = first.map(group => ({ ...group, count: group.count * 2 }))
    const after = layoutWordCloud({ groups: doubled, width: 1700, height: 740, measure, previous: before })
    const grown = after.words.filter(word => word.fontSize > before.words.find(old => old.key === word.key)!.fontSize)
    expect(grown.length).toBeGreaterThanOrEqual(before.words.length * 0.75)
    expect(after.words[0]!.fontSize).toBe(fontSizeFor(after.words[0]!.count, 740))
  })

  it('keeps a word at its size when growing would cover a neighbour, and keeps the ones below no larger', () => {
    // 'scope' at 32 px with 'risk' right beside it: no room to grow to the right.
    const w = (text: string, fontSize: number) => measure(text, fontSize)
    const h = Math.ceil(32 * 1.15)
    const scope = { key: 'a', text: 'scope', count: 1, x: 300, y: 100, fontSize: 32, width: w('scope', 32), height: h }
    const risk = { key: 'b', text: 'risk', count: 1, x: 300 + scope.width / 2 + GAP + w('risk', 32) / 2, y: 100, fontSize: 32, width: w('risk', 32), height: h }
    const previous = { width: 600, height: 200, words: [scope, risk], hiddenCount: 0 }
    const after = layoutWordCloud({ groups: [{ key: 'a', text: 'scope', count: 16 }, { key: 'b', text: 'risk', count: 4 }], width: 600, height: 200, measure, previous })
    expect(after.words).toEqual([scope, risk].map((word, index) => ({ ...word, count: [16, 4][index] })))
  })

  it('lays out a fresh cloud when the box changes size', () => {
    const groups = room(10)
    const small = layoutWordCloud({ groups, width: 900, height: 400, measure })
    const large = layoutWordCloud({ groups, width: 1600, height: 600, measure, previous: small })
    expect(large).toEqual(layoutWordCloud({ groups, width: 1600, height: 600, measure }))
  })

  it('places a word again when a moderator edits its text', () => {
    const before = layoutWordCloud({ groups: [{ key: 'a', text: 'scope', count: 3 }, { key: 'b', text: 'risk', count: 1 }], width: 1200, height: 400, measure })
    const groups = [{ key: 'a', text: 'scope', count: 3 }, { key: 'b', text: 'risks and issues', count: 1 }]
    const after = layoutWordCloud({ groups, width: 1200, height: 400, measure, previous: before })
    expect(after.words[1]!.width).toBe(measure('risks and issues', after.words[1]!.fontSize))
    checkLayout(after, groups)
  })
})
