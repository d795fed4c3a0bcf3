import { openPdf, pageTexts } from '../../lib/pdfText'

export interface PdfText {
  pages: string[]
  outline: unknown[] | null
  /** The document's Subject field, as a PDF viewer's properties show it. */
  subject: string | undefined
}

/** Extracts the text of every page of a PDF (and its outline), as a reader's copy-paste would see it. */
export async function readPdfText(path: string): Promise<PdfText> {
  const pdf = await openPdf(path)
  const pages = await pageTexts(pdf)
  const outline = await pdf.getOutline()
  const { info } = await pdf.getMetadata() as { info: { Subject?: string } }
  return { pages, outline, subject: info.Subject }
}
