// What every `slidev export` the kit runs has in common: the deck PDF (`npm run export`)
// and the facilitator guide's slide pictures (print/slideImages.ts).

/** Extra time before printing on the second try, when the first printed a slide blank. */
export const RETRY_WAIT_MS = 3000

/**
 * `slidev export slides.md` into `output` with the given browser. Slidev prints by default
 * at the page's load event, which on a busy machine comes before the slides' modules have
 * arrived (blank pages); networkidle waits until they have.
 */
export function slidevExportArgs({ output, executablePath, waitMs = 0 }: { output: string, executablePath: string, waitMs?: number }): string[] {
  const args = ['export', 'slides.md', '--output', output, '--executable-path', executablePath, '--timeout', '120000', '--wait-until', 'networkidle']
  return waitMs > 0 ? [...args, '--wait', String(waitMs)] : args
}

/** "3", "3 and 7", "1–39" for a run; a long list is cut short. */
export function numberList(numbers: readonly number[]): string {
  const first = numbers[0]!
  const last = numbers.at(-1)!
  if (numbers.length > 2 && last - first + 1 === numbers.length)
    return `${first}–${last}`
  const shown = numbers.slice(0, 8).join(', ')
  return numbers.length > 8 ? `${shown} and ${numbers.length - 8} more` : shown.replace(/, (\d+)$/, ' and $1')
}

/** `word`, with an s when there is not exactly one: "page" for [3], "pages" for [2, 4]. */
export function plural(word: string, numbers: readonly number[]): string {
  return numbers.length === 1 ? word : `${word}s`
}
