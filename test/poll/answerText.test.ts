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

  it('counts code points in a browser without Intl.Segmenter instead of failing to load', () => {
    const { Segmenter } = Intl
    Reflect.deleteProperty(Intl, 'Segmenter')
    try {
      expect(graphemeCount('ab👩‍💻')).toBe(5)
    }
    finally {
      Object.assign(Intl, { Segmenter })
    }
    expect(graphemeCount('ab👩‍💻')).toBe(3)
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
