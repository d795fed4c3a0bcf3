import { readFile } from 'node:fs/promises'
import { extractText, getDocumentProxy } from 'unpdf'

export interface PdfText {
  pages: string[]
  outline: unknown[] | null
  /** The document's Subject field, as a PDF viewer's properties show it. */
  subject: string | undefined
}

/** Extracts the text of every page of a PDF (and its outline), as a reader's copy-paste would see it. */
export async function readPdfText(path: string): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)))
  const { text } = await extractText(pdf, { mergePages: false })
  const outline = await pdf.getOutline()
  const { info } = await pdf.getMetadata() as { info: { Subject?: string } }
  return { pages: text.map(page => page.replace(/\s+/g, ' ')), outline, subject: info.Subject }
}
