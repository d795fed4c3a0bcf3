// One headless system browser turns any number of HTML documents into PDFs.
import type { Buffer } from 'node:buffer'
import type { Browser } from 'playwright-core'
import { performance } from 'node:perf_hooks'
import { chromium } from 'playwright-core'
import { findBrowser, HEADLESS_BROWSER_ARGS } from '../lib/findBrowser.ts'
import { UserFacingError } from '../lib/userFacingError.ts'

export interface RenderedPdf {
  pdf: Buffer
  pages: number
}

export interface PdfRenderer {
  /** Renders one complete HTML document to a tagged PDF with bookmarks, sized by its CSS `@page`. */
  render: (html: string) => Promise<RenderedPdf>
  close: () => Promise<void>
  /** How long starting the browser took. */
  launchMs: number
}

export interface LaunchPdfRendererOptions {
  /** A browser executable; found like the deck export finds one when omitted. */
  executablePath?: string
}

/** Starts the browser once; call `render` per document, then `close`. */
export async function launchPdfRenderer({ executablePath = findBrowser() }: LaunchPdfRendererOptions = {}): Promise<PdfRenderer> {
  const started = performance.now()
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath, args: [...HEADLESS_BROWSER_ARGS] })
  }
  catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new UserFacingError(`The browser at ${executablePath} did not start (${reason}). Set CHROME_PATH to a working Chrome, Chromium or Edge.`)
  }
  const launchMs = performance.now() - started
  const context = await browser.newContext({ offline: true })

  return {
    launchMs,
    async render(html) {
      const page = await context.newPage()
      try {
        await page.setContent(html, { waitUntil: 'load' })
        await page.evaluate(() => document.fonts.ready.then(() => undefined))
        const pdf = await page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: true })
        return { pdf, pages: countPdfPages(pdf) }
      }
      finally {
        await page.close()
      }
    },
    async close() {
      await browser.close()
    },
  }
}

/** Counts the page objects of a PDF as Chromium writes it (uncompressed object dictionaries). */
export function countPdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/gi)?.length ?? 0
}
