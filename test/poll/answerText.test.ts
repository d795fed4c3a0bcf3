import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { answerKey, checkAnswer, graphemeCount, MAX_ANSWER_GRAPHEMES, normaliseAnswer } from '../../poll/answerText'
import { hasBlockedWord } from '../../poll/blockedWords'

describe('open answer normalisation', () => {
  it('composes to NFC, trims and collapses every kind of space', () => {
    expect(normaliseAnswer('  cafe\u0301 \u00A0\t\n  plan\u3000ning  ')).toBe('café plan ning')
  })

  it('removes control characters, bidi overrides and isolates, and zero-width characters', () => {
    expect(normaliseAnswer('a\u0000b\u0007c\u007F\u009Fd')).toBe('abcd')
    expect(normaliseAnswer('\u202Eevil\u202C \u2066x\u2069 \u200Fy\u200E')).toBe('evil x y')
    expect(normaliseAnswer('zero\u200Bwidth\u200C\u2060\uFEFF\u00ADjoin\u200Ded')).toBe('zerowidthjoined')
  })

  it('keeps emoji ZWJ sequences, skin tones and flags intact, and counts each as one character', () => {
    for (const emoji of ['👩‍💻', '🏳️‍🌈', '👍🏽', '🇬🇧', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '❤️'])
      expect(normaliseAnswer(` ${emoji} `)).toBe(emoji)
    expect(graphemeCount('👩‍💻👩‍💻')).toBe(2)
    // Invisible tag characters outside a flag are text hidden from the presenter.
    expect(normaliseAnswer('ok\u{E0041}\u{E0042}')).toBe('ok')
  })

  it('counts what a reader counts as characters, as Intl.Segmenter does, in the scripts and emoji a room types', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    const corpus = ['Plan the sprint', 'café', 'cafe\u0301', 'naïve Zoë', 'Ελληνικά', 'русский текст', 'עִבְרִית', 'مَرْحَبًا بِكُمْ', '日本語のテキスト', '한국어 문장', 'ﾊﾟｿｺﾝ', 'ไทย', 'Tiếng Việt', '👩‍💻 ships', '🏳️‍🌈', '👍🏽👍🏿', '🇬🇧🇫🇷🇩', '🏴󠁧󠁢󠁥󠁮󠁧󠁿', '1️⃣#️⃣', '👨‍👩‍👧‍👦', '❤️‍🔥', '🧑🏽‍🤝‍🧑🏻', 'a\u200Db', '😀\u200D\u200D😀', '\u0301\u0301x']
    for (const text of corpus)
      expect(graphemeCount(text), text).toBe([...segmenter.segment(text)].length)
  })

  it('never counts fewer characters than Intl.Segmenter, so no longer answer slips through', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    // Characters each grapheme rule turns on: controls, marks, ZWJ, emoji and their modifiers, flags, tags, Hangul jamo, Indic viramas.
    const pieces = ['a', 'Z', ' ', '\r', '\n', '\u0000', '\u0301', '\u093E', '\u094D', '\u0915', '\u0937', '\u200D', '\u200C', '\uFE0F', '\u20E3', '😀', '👩', '💻', '🏽', '🇫', '🇷', '🏴', '\u{E0067}', '\u{E007F}', '\u1100', '\u1161', '\u11A8', '\uAC00', '\u0600', '\u0E33', '\uD800', '\u00AD', '\u0903', '\u102B', '\u1A61', '\u09BE']
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const text = parts.join('')
      expect(graphemeCount(text)).toBeGreaterThanOrEqual([...segmenter.segment(text)].length)
    }), { numRuns: 20_000 })
  })

  it('counts alike on a phone browser without Intl.Segmenter (Firefox before 125)', () => {
    const { Segmenter } = Intl
    Reflect.deleteProperty(Intl, 'Segmenter')
    try {
      expect(graphemeCount('ab👩‍💻')).toBe(3)
    }
    finally {
      Object.assign(Intl, { Segmenter })
    }
  })

  it('keeps HTML- and script-looking text verbatim, as text', () => {
    const html = '<script>alert("x")</script>'
    expect(checkAnswer(html)).toEqual({ ok: true, text: html, key: '<script>alert("x")</script>' })
    expect(checkAnswer('<img src=x onerror=alert(1)>')).toMatchObject({ ok: true, text: '<img src=x onerror=alert(1)>' })
  })

  it('takes an answer at the limit and refuses one over it, counting grapheme clusters', () => {
    expect(checkAnswer('x'.repeat(MAX_ANSWER_GRAPHEMES))).toMatchObject({ ok: true })
    expect(checkAnswer('👩‍💻'.repeat(MAX_ANSWER_GRAPHEMES))).toMatchObject({ ok: true })
    expect(checkAnswer('👨‍👩‍👧‍👦'.repeat(MAX_ANSWER_GRAPHEMES))).toMatchObject({ ok: true })
    expect(checkAnswer('👨‍👩‍👧‍👦'.repeat(MAX_ANSWER_GRAPHEMES + 1))).toMatchObject({ ok: false })
    expect(checkAnswer('x'.repeat(MAX_ANSWER_GRAPHEMES + 1))).toEqual({ ok: false, reason: `The answer is ${MAX_ANSWER_GRAPHEMES + 1} characters; keep it within ${MAX_ANSWER_GRAPHEMES}.` })
    expect(checkAnswer('x'.repeat(5000))).toMatchObject({ ok: false })
    // Invisible padding does not count, and does not survive.
    expect(checkAnswer(`${'x'.repeat(MAX_ANSWER_GRAPHEMES)}${'\u200B'.repeat(50)}`)).toMatchObject({ ok: true, text: 'x'.repeat(MAX_ANSWER_GRAPHEMES) })
  })

  it('refuses an answer that is empty once invisible characters are gone', () => {
    expect(checkAnswer(' \u200B\u202E\u0000 ')).toEqual({ ok: false, reason: 'The answer is empty.' })
  })

  it('groups answers on a case-folded, compatibility-folded key without surrounding punctuation', () => {
    expect(answerKey('Planning.')).toBe('planning')
    expect(answerKey('ＰＬＡＮＮＩＮＧ')).toBe('planning')
    expect(answerKey('?')).toBe('?')
    expect(answerKey('Keeps the promise!')).toBe('keeps the promise')
  })
})

describe('the built-in word list', () => {
  it('matches whole words after case folding', () => {
    expect(hasBlockedWord(answerKey('Total BULLSHIT'))).toBe(true)
    expect(hasBlockedWord(answerKey('what the fuck.'))).toBe(true)
    expect(hasBlockedWord(answerKey('Scunthorpe assessment'))).toBe(false)
    expect(hasBlockedWord(answerKey('shipping classic passes'))).toBe(false)
  })
})
