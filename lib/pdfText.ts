// The text of a PDF's pages as a reader's copy-paste sees it (unpdf: pdf.js without a
// browser). `npm run export` uses it to catch a deck printed before it had drawn.
import { readFile } from 'node:fs/promises'
import { extractText, getDocumentProxy } from 'unpdf'

export type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>

export async function openPdf(path: string): Promise<PdfDocument> {
  return getDocumentProxy(new Uint8Array(await readFile(path)))
}

/** Each page's text, whitespace collapsed to single spaces. */
export async function pageTexts(pdf: PdfDocument): Promise<string[]> {
  const { text } = await extractText(pdf, { mergePages: false })
  return text.map(page => page.replace(/\s+/g, ' '))
}

/** Numbers (from 1) of the pages with no text at all: on a slide deck, a page that never drew. */
export async function blankPages(path: string): Promise<number[]> {
  const pages = await pageTexts(await openPdf(path))
  return pages.flatMap((text, index) => text.trim() ? [] : [index + 1])
}
