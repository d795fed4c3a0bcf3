import type { HtmlValue, SafeHtml } from '../html.ts'
import type { Paper } from '../paper.ts'
import { html, trustedHtml } from '../html.ts'
import { printStyles } from '../printStyles.ts'

export interface DocumentShellOptions {
  paper: Paper
  kitTitle: string
  /** The document's name: the HTML title, the PDF title and the running header. */
  documentTitle: string
  body: SafeHtml
}

/** Wraps a document body in a complete, self-contained HTML page (styles and fonts inlined). */
export function documentShell({ paper, kitTitle, documentTitle, body }: DocumentShellOptions): string {
  const css = printStyles({ paper, kitTitle, documentTitle, text: body.value })
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${documentTitle} · ${kitTitle}</title>
<style>${trustedHtml(css)}</style>
</head>
<body>
${body}
</body>
</html>
`.value
}

/** "1 minute", "2.5 minutes". */
export function minutesLabel(minutes: number): string {
  return `${minutes} minute${minutes === 1 ? '' : 's'}`
}

/** "1 scenario", "30 scenarios". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * Keeps a heading on the same page as the first block after it. A wrapper with
 * `break-inside: avoid` rather than `break-after: avoid` on the heading: Chromium
 * writes the title of a heading pushed by `break-after` twice into the PDF outline.
 */
export function keepWithNext(heading: SafeHtml, blocks: readonly HtmlValue[]): SafeHtml {
  const [first, ...rest] = blocks
  return html`<div class="keep">${heading}${first}</div>${rest}`
}
