import { readFile } from 'node:fs/promises'
import { extractText, getDocumentProxy } from 'unpdf'

export interface PdfText {
  pages: string[]
  outline: unknown[] | null
}

/** Extracts the text of every page of a PDF (and its outline), as a reader's copy-paste would see it. */
export async function readPdfText(path: string): Promise<PdfText> {
  const pdf = await getDocumentProxy(new Uint8Array(await readFile(path)))
  const { text } = await extractText(pdf, { mergePages: false })
  const outline = await pdf.getOutline()
  return { pages: text.map(page => page.replace(/\s+/g, ' ')), outline }
}
