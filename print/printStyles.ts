// Print CSS shared by every document: page size, running header and "page N of M"
// footer in @page margin boxes, the product/project palette, and break rules that
// keep a scenario, table row or chart on one page.
import type { Paper } from './paper.ts'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { KIT_ROOT } from '../lib/kitPaths.ts'
import { FONT_STACK, fontFaceCss } from './fonts.ts'
import { cssString } from './html.ts'
import { paperSizes } from './paper.ts'

/** The handouts' stylesheet; everything but fonts, page size and the running header. */
const STYLESHEET = join(KIT_ROOT, 'print/handouts.css')

export interface PrintStyleOptions {
  paper: Paper
  /** The kit's title, repeated at the top of every page. */
  kitTitle: string
  /** The document's name, at the top right of every page. */
  documentTitle: string
  /** Everything the document shows, so only the font subsets it needs are embedded. */
  text: string
}

/** The room's own words: documents print every answer text inside a <bdi> (escaped, so it holds no '<'). */
const ROOM_TEXT = /<bdi>([^<]*)<\/bdi>/g

/** The complete stylesheet for one document. */
export function printStyles({ paper, kitTitle, documentTitle, text }: PrintStyleOptions): string {
  const font = FONT_STACK
  const roomText = [...text.matchAll(ROOM_TEXT)].map(match => match[1]).join('')
  return `${fontFaceCss(`${kitTitle}${documentTitle}${text.replace(ROOM_TEXT, '')}`, roomText)}
@page {
  size: ${paperSizes[paper].css};
  margin: 20mm 17mm 18mm 17mm;
  @top-left { content: ${cssString(kitTitle)}; font: 600 7.5pt ${font}; color: #0f766e; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: ${cssString(documentTitle)}; font: 400 7.5pt ${font}; color: #64748b; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 400 7.5pt ${font}; color: #64748b; vertical-align: top; padding-top: 3mm; }
}
:root { --font: ${font}; }
${readFileSync(STYLESHEET, 'utf8')}`
}
