/**
 * Word cloud layout for moderated open-text answers: where each approved answer sits and
 * how big it is, as plain numbers a component renders. Browser-safe and pure.
 *
 * Written in the kit rather than taken from npm: d3-cloud (1.3 M downloads a month) lays
 * words out with Math.random and a pixel canvas, so the same answers land elsewhere on
 * every render and on the presenter's and the projector's screens; wordcloud (87 k) draws
 * onto a canvas itself. The room needs the opposite: the same answers give the same
 * picture, and a word the room has already found stays where it is while answers arrive.
 *
 * Units are pixels of a 1920×1080 projector: `box` is the size the cloud takes on that
 * screen, so the smallest word, MIN_FONT_SIZE, is the deck's back-row rule for poll slides
 * (32 px at 1080p, test/e2e/projector.test.ts).
 *
 * Rules, each checked by test/poll/wordCloudLayout.test.ts:
 * - Size follows votes on a fixed scale (MIN_FONT_SIZE for 1 vote, FONT_STEP more per
 *   doubling, up to the box's maximum), so a word's size does not depend on the others
 *   and does not shrink when another answer overtakes it.
 * - More votes never means smaller: words are sized in order of votes, and none is larger
 *   than a word with more votes (a word that cannot grow holds back the ones below it).
 * - No two words overlap (GAP apart) and every word is inside the box.
 * - At most MAX_WORDS words; answers beyond them, or with no room left even at the
 *   smallest size, are counted in `hiddenCount`.
 * - Stability, given the previous layout of the same box: a word shown before keeps its
 *   centre (x, y). It grows to its new size only if the larger box overlaps nothing and
 *   stays inside; otherwise it keeps its size. It shrinks only to keep the order above
 *   (a word with more votes stuck smaller) or when its votes dropped (moderation).
 *   New words take the free space nearest the centre, keeping some room around them to
 *   grow into; if that leaves answers out, the layout is redone packed tight.
 * - Deterministic: no randomness; new words are placed along a fixed elliptical spiral
 *   from the centre, in order of votes then key.
 */

/** One moderated answer group: the same answer typed by several people counts once, with their number. */
export interface WordGroup {
  /** Stable identity of the group (it keeps the word in place across updates). */
  key: string
  text: string
  count: number
}

/** A placed word. (x, y) is its centre; width and height its box, in the layout's pixels. */
export interface PlacedWord extends WordGroup {
  x: number
  y: number
  fontSize: number
  width: number
  height: number
}

export interface WordCloudLayout {
  width: number
  height: number
  words: PlacedWord[]
  /** Answer groups not shown: beyond MAX_WORDS, or no room left for them. */
  hiddenCount: number
}

/** Width in pixels of `text` set in the cloud's font at `fontSize`; must grow with fontSize. */
export type MeasureText = (text: string, fontSize: number) => number

export interface LayoutInput {
  groups: readonly WordGroup[]
  width: number
  height: number
  measure: MeasureText
  /** The layout shown so far; ignored unless it was laid out in a box of the same size. */
  previous?: WordCloudLayout | null
}

/** The back row's rule for poll slides: 32 px at 1080p. */
export const MIN_FONT_SIZE = 32
/** Largest word, whatever the votes; a box shorter than 4 lines lowers it. */
export const MAX_FONT_SIZE = 120
/** Pixels added per doubling of votes: 1 → 32, 2 → 46, 4 → 60, 8 → 74, 16 → 88 … */
export const FONT_STEP = 14
/** More than this many words is a wall of text; the rest are counted. */
export const MAX_WORDS = 50
/** Empty space kept between two words, in pixels. */
export const GAP = 10
/** Line box height per font size px. */
export const LINE_HEIGHT = 1.15
/** Distance between spiral turns and between points along it, in pixels. */
const SPIRAL_STEP = 8
/** Smaller sizes a new word tries, as fractions of its size, before it is hidden. */
const SHRINK = 0.85
/**
 * Extra width and height a new word keeps clear while there is space: about one doubling of
 * votes' growth. When that leaves answers out, the cloud is packed again without it.
 */
const HEADROOM = 0.3

/** The font size `count` votes earn in a box `height` high, before any room is taken. */
export function fontSizeFor(count: number, height: number): number {
  const max = Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, Math.floor(height / (4 * LINE_HEIGHT))))
  return Math.min(max, Math.round(MIN_FONT_SIZE + FONT_STEP * Math.log2(Math.max(1, count))))
}

/**
 * Width estimate of Inter semibold without a canvas (tests, server-side rendering, and the
 * default, so presenter and projector windows lay out identically): average advances per
 * character class, rounded up so the real text fits inside its box.
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0
  for (const char of text) {
    if (char.codePointAt(0)! > 0x2E7F)
      ems += 1 // CJK, emoji: a full em.
    else if (/[il.,:;'|!`]/.test(char))
      ems += 0.3
    else if (/[ fjrt()[\]/\-]/.test(char))
      ems += 0.4
    else if (/[mw@]/i.test(char))
      ems += 0.9
    else if (/[A-Z0-9&%#?]/.test(char))
      ems += 0.72
    else
      ems += 0.6
  }
  return Math.ceil(ems * fontSize)
}

interface Rect { left: number, top: number, right: number, bottom: number }

function rectOf(x: number, y: number, width: number, height: number): Rect {
  return { left: x - width / 2, top: y - height / 2, right: x + width / 2, bottom: y + height / 2 }
}

function inside(rect: Rect, width: number, height: number): boolean {
  return rect.left >= 0 && rect.top >= 0 && rect.right <= width && rect.bottom <= height
}

/** Closer than GAP, or overlapping. */
function clashes(a: Rect, b: Rect): boolean {
  return a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP
}

/** Inside the box and at least GAP from every other word. */
function fits(rect: Rect, others: readonly Rect[], width: number, height: number): boolean {
  return inside(rect, width, height) && !others.some(other => clashes(rect, other))
}

/** Centres to try, in order: an elliptical spiral from the middle of the box, stretched to its shape. */
function spiral(width: number, height: number): Int32Array {
  const aspect = width / height
  const cx = Math.round(width / 2)
  const cy = Math.round(height / 2)
  // Beyond this radius every point of the ellipse lies outside the box.
  const maxRadius = Math.hypot(width / 2 / aspect, height / 2) + SPIRAL_STEP
  const points: number[] = []
  for (let theta = 0, r = 0; r <= maxRadius; r = (SPIRAL_STEP * theta) / (2 * Math.PI)) {
    const x = Math.round(cx + r * aspect * Math.cos(theta))
    const y = Math.round(cy + r * Math.sin(theta))
    if (x >= 0 && y >= 0 && x <= width && y <= height && (x !== points.at(-2) || y !== points.at(-1)))
      points.push(x, y)
    theta += SPIRAL_STEP / Math.max(r * aspect, SPIRAL_STEP)
  }
  return Int32Array.from(points)
}

/** The first free centre along the spiral for a w × h word. */
function spiralPlace(points: Int32Array, w: number, h: number, others: readonly Rect[], width: number, height: number): { x: number, y: number } | null {
  if (w > width || h > height)
    return null
  // The word that blocked the last point usually blocks the next one too: try it first.
  let blocker: Rect | undefined
  for (let index = 0; index < points.length; index += 2) {
    const x = points[index]!
    const y = points[index + 1]!
    const rect = rectOf(x, y, w, h)
    if (inside(rect, width, height) && !(blocker && clashes(rect, blocker))) {
      blocker = others.find(other => clashes(rect, other))
      if (!blocker)
        return { x, y }
    }
  }
  return null
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Lays out `groups` in a width × height box; see the rules at the top of this file. */
export function layoutWordCloud(input: LayoutInput): WordCloudLayout {
  const roomy = layoutWith(input, HEADROOM)
  if (roomy.words.length === Math.min(MAX_WORDS, roomy.words.length + roomy.hiddenCount))
    return roomy
  // Some answers found no room: packed tight, without headroom, more of them may fit.
  const tight = layoutWith(input, 0)
  return tight.words.length > roomy.words.length ? tight : roomy
}

function layoutWith({ groups, width, height, measure, previous }: LayoutInput, headroom: number): WordCloudLayout {
  const sameBox = previous != null && previous.width === width && previous.height === height
  // A word keeps its place only if it still reads the same (a moderator may merge or edit).
  const before = new Map<string, PlacedWord>()
  for (const word of sameBox ? previous.words : [])
    before.set(word.key, word)
  const wasShown = (group: WordGroup) => before.get(group.key)?.text === group.text

  // Duplicate keys would be two words fighting over one place: the first one counts.
  const unique: WordGroup[] = []
  const seen = new Set<string>()
  for (const group of groups) {
    if (group.count > 0 && !seen.has(group.key)) {
      unique.push(group)
      seen.add(group.key)
    }
  }
  const ordered = unique.sort((a, b) => b.count - a.count || Number(wasShown(b)) - Number(wasShown(a)) || byText(a.key, b.key))
  const candidates = ordered.slice(0, MAX_WORDS)
  let hiddenCount = ordered.length - candidates.length

  // Words shown before hold their old boxes until their turn, so nothing lands on them.
  const held = new Map<string, Rect>()
  for (const group of candidates) {
    const old = before.get(group.key)
    if (old && wasShown(group))
      held.set(group.key, rectOf(old.x, old.y, old.width, old.height))
  }
  const placed: PlacedWord[] = []
  const others = (): Rect[] => [...placed.map(word => rectOf(word.x, word.y, word.width, word.height)), ...held.values()]
  // The same with each word's own headroom: a new word keeps clear of the room its neighbours grow into.
  const roomyOthers = (): Rect[] => others().map(({ left, top, right, bottom }) => {
    const [dx, dy] = [((right - left) * headroom) / 2, ((bottom - top) * headroom) / 2]
    return { left: left - dx, top: top - dy, right: right + dx, bottom: bottom + dy }
  })

  let cap = Infinity
  const failed: { w: number, h: number, roomy: boolean }[] = []
  let points: Int32Array | undefined
  for (const group of candidates) {
    const wanted = Math.min(fontSizeFor(group.count, height), cap)
    const old = held.has(group.key) ? before.get(group.key) : undefined
    held.delete(group.key)
    let word: PlacedWord | null = null
    if (old) {
      // Grow in place if there is room, else keep the old size; shrink only to keep the order.
      const sizes = wanted > old.fontSize ? [wanted, old.fontSize] : [wanted]
      for (const fontSize of sizes) {
        const w = measure(group.text, fontSize)
        const h = Math.ceil(fontSize * LINE_HEIGHT)
        if (fits(rectOf(old.x, old.y, w, h), others(), width, height)) {
          word = { ...group, x: old.x, y: old.y, fontSize, width: w, height: h }
          break
        }
      }
    }
    // New words (and, should a measure misbehave, an old one that no longer fits) go on the
    // spiral, a size smaller each time there is no room. A word with no room even at the
    // smallest size is found out first: in a full cloud that is most of the work. While the
    // cloud has space, a new word keeps HEADROOM clear around it, so it can grow in place later.
    const attempt = (fontSize: number, roomy: boolean): PlacedWord | null => {
      const w = measure(group.text, fontSize)
      const h = Math.ceil(fontSize * LINE_HEIGHT)
      const [sw, sh] = roomy ? [w * (1 + headroom), h * (1 + headroom)] : [w, h]
      // Space only shrinks as words are placed: a box as large as one that found no room finds none either.
      // A roomy search also keeps clear of more, so a plain failure rules it out too, but not the other way round.
      const spot = failed.some(box => sw >= box.w && sh >= box.h && (roomy || !box.roomy)) ? null : spiralPlace(points ??= spiral(width, height), sw, sh, roomy ? roomyOthers() : others(), width, height)
      if (!spot)
        failed.push({ w: sw, h: sh, roomy })
      return spot && { ...group, ...spot, fontSize, width: w, height: h }
    }
    if (!word) {
      let roomy = headroom > 0
      let smallest = attempt(MIN_FONT_SIZE, roomy)
      if (!smallest) {
        roomy = false
        smallest = attempt(MIN_FONT_SIZE, roomy)
      }
      if (smallest) {
        for (let fontSize = wanted; !word && fontSize > MIN_FONT_SIZE; fontSize = Math.floor(fontSize * SHRINK))
          word = attempt(fontSize, roomy)
        word ??= smallest
        // The headroom is for later: where the word landed, it takes the largest size that fits
        // now, as it would on the next update (so laying out the same answers again changes nothing).
        for (let fontSize = wanted; fontSize > word.fontSize; fontSize = Math.floor(fontSize * SHRINK)) {
          const w = measure(group.text, fontSize)
          const h = Math.ceil(fontSize * LINE_HEIGHT)
          if (fits(rectOf(word.x, word.y, w, h), others(), width, height)) {
            word = { ...word, fontSize, width: w, height: h }
            break
          }
        }
      }
    }
    if (!word) {
      hiddenCount++
      continue
    }
    // An old word that shrank freed some space.
    if (old && word.fontSize < old.fontSize)
      failed.length = 0
    placed.push(word)
    cap = word.fontSize
  }
  return { width, height, words: placed, hiddenCount }
}
