// Normalises what a participant types into an open poll, so the same word groups
// together and nothing invisible or direction-flipping reaches the projector.
// Browser-safe (the phone page checks length with it before sending); no HTML is ever
// built from the text: it is shown with textContent / Vue text interpolation only.

/** Longest answer, in grapheme clusters (what a reader counts as characters: 👩‍💻 is one). */
export const MAX_ANSWER_GRAPHEMES = 60
/**
 * Longest raw text (UTF-16 units) looked at before normalising: room for 60 long emoji
 * sequences (a family emoji is 11 units), while a huge text is refused without scanning it.
 */
export const MAX_RAW_ANSWER_LENGTH = 1200

// Bidi embeddings, overrides and isolates, and the implicit marks: they can reorder what the projector shows.
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
// C0/C1 controls (tabs and line breaks became spaces first).
const CONTROLS = /\p{Cc}/gu
// Zero-width and invisible formatting: ZW space, ZWNJ, word joiner, invisible operators, BOM, soft hyphen, Mongolian vowel separator.
const INVISIBLE = /[\u00AD\u180E\u200B\u200C\u2060-\u2064\uFEFF]/g
// A zero-width joiner is kept only inside an emoji sequence (👩‍💻, 🏳️‍🌈); anywhere else it hides text.
const STRAY_ZWJ = /(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu
// Tag characters only form subdivision flags after a black flag (🏴 + tags + cancel tag); elsewhere they are invisible text.
const TAG_RUN = /(\u{1F3F4})?([\u{E0020}-\u{E007F}]+)/gu
// Private-use and unassigned/noncharacter code points render as boxes or not at all.
const OTHER_INVISIBLE = /[\p{Co}\p{Cn}]/gu

export type AnswerCheck
  = | { ok: true, text: string, key: string }
    | { ok: false, reason: string }

/** The text as displayed: NFC, invisible and control characters removed, whitespace collapsed, trimmed. */
export function normaliseAnswer(raw: string): string {
  return raw.normalize('NFC')
    .replace(/[\t\n\r\u2028\u2029]/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .replace(INVISIBLE, '')
    .replace(STRAY_ZWJ, '')
    .replace(TAG_RUN, (run: string, flag: string | undefined) => (flag ? run : ''))
    .replace(OTHER_INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

/**
 * The grouping key: compatibility-folded (full-width letters, ligatures), lower-cased,
 * with punctuation around the words dropped, so "Planning." and "planning" are one group.
 */
export function answerKey(text: string): string {
  const folded = text.normalize('NFKC').toLowerCase()
  const stripped = folded.replace(/^[\p{P}\s]+|[\p{P}\s]+$/gu, '')
  return stripped === '' ? folded : stripped
}

// Characters that extend the one before them (UAX #29 rules GB9, GB9a): combining marks,
// emoji skin tones, variation selectors, tag characters (JOINABLE), and spacing marks.
const JOINABLE = String.raw`\p{Grapheme_Extend}\p{Emoji_Modifier}`
// The spacing marks UAX #29 does not attach (Myanmar, Tai Tham, Tai Viet, Ahom).
const UNATTACHED = String.raw`\u102B\u102C\u1038\u1062-\u1064\u1067-\u106D\u1083\u1087-\u108C\u108F\u109A-\u109C\u1A61\u1A63\u1A64\uAA7B\uAA7D\u{11720}\u{11721}`
/** Any number of characters that stay with the one before them. */
const MARKS = String.raw`(?:(?![${UNATTACHED}])[${JOINABLE}\p{Mc}\u200D])*`
// One extended grapheme cluster per match, the common rules of UAX #29 as one expression:
// CR LF; a control or format character alone; a flag (two regional indicators); an emoji
// ZWJ sequence (GB11); any other character with the marks that follow it.
// Not Intl.Segmenter, on purpose: the phone and the server must count alike in every
// browser (Firefox before 125 has no Segmenter), and on the server the Segmenter's ICU
// break data costs ~4.7 MB of resident memory, a third of the budget an open poll has
// left at 5,000 phones. The rules left out (Hangul jamo, Indic conjuncts, prepended
// marks) only ever make it count more characters than a Segmenter, never fewer, so it
// never lets a longer answer through (test/poll/answerText.test.ts checks both).
const GRAPHEME = new RegExp([
  String.raw`\r\n`,
  String.raw`(?![\p{Grapheme_Extend}\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]`,
  String.raw`\p{Regional_Indicator}{1,2}${MARKS}`,
  // GB11 joins two pictographs across a ZWJ only when the marks between are Extend, not spacing marks.
  String.raw`\p{Extended_Pictographic}[${JOINABLE}]*(?:\u200D\p{Extended_Pictographic}[${JOINABLE}]*)*${MARKS}`,
  String.raw`.${MARKS}`,
].join('|'), 'gsu')

/** Grapheme clusters in `text`: what a reader counts as characters, and what the 60-character limit counts. */
export function graphemeCount(text: string): number {
  return text.match(GRAPHEME)?.length ?? 0
}

/** Normalises and checks one answer; the reason is plain language and never echoes the text. */
export function checkAnswer(raw: string): AnswerCheck {
  if (raw.length > MAX_RAW_ANSWER_LENGTH)
    return { ok: false, reason: `An answer can be at most ${MAX_ANSWER_GRAPHEMES} characters.` }
  const text = normaliseAnswer(raw)
  if (text === '')
    return { ok: false, reason: 'The answer is empty.' }
  const length = graphemeCount(text)
  if (length > MAX_ANSWER_GRAPHEMES)
    return { ok: false, reason: `The answer is ${length} characters; keep it within ${MAX_ANSWER_GRAPHEMES}.` }
  return { ok: true, text, key: answerKey(text) }
}
