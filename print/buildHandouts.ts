// Builds the handouts end to end: load scenarios, deck plan and results, check the
// output directory and the browser, render every PDF with one browser, and only then
// write the files (each atomically), so a failure leaves no partial document behind.
import type { DeckPlan } from '../content/deckPlan.ts'
import type { ScenarioLibrary } from '../content/loadScenarios.ts'
import type { Paper } from './paper.ts'
import type { PdfRenderer } from './renderPdf.ts'
import type { SessionAnalysis } from './results.ts'
import type { SlideExporter } from './slideImages.ts'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { loadScenarioLibrary } from '../content/loadScenarios.ts'
import { loadSessionDeck } from '../content/sessionDeck.ts'
import { displayPath } from '../lib/displayPath.ts'
import { findBrowser } from '../lib/findBrowser.ts'
import { UserFacingError } from '../lib/userFacingError.ts'
import { writeFileAtomic } from '../lib/writeAtomic.ts'
import { ANSWERS_TITLE, answerSheet } from './documents/answerSheet.ts'
import { FACILITATOR_TITLE, facilitatorGuide } from './documents/facilitatorGuide.ts'
import { PARTICIPANT_TITLE, participantHandout } from './documents/participantHandout.ts'
import { REPORT_TITLE, sessionReport } from './documents/sessionReport.ts'
import { prepareOutputDir } from './outputDir.ts'
import { launchPdfRenderer } from './renderPdf.ts'
import { analyseSession, readResultsFile } from './results.ts'
import { slideImages } from './slideImages.ts'

export const documentKinds = ['participant', 'answers', 'facilitator', 'report'] as const
export type DocumentKind = (typeof documentKinds)[number]
export const outputFormats = ['html', 'pdf', 'both'] as const
export type OutputFormat = (typeof outputFormats)[number]

export interface BuildHandoutsOptions {
  outDir: string
  format: OutputFormat
  paper: Paper
  /** Build just this document. */
  only?: DocumentKind
  /** The poll server's results export; the report is built only with it. */
  resultsFile?: string
  /** Scenario library folder (default: the kit's scenarios/). */
  scenarioDir?: string
  /** The session plan ("60", "90"); the plan file's default when omitted. */
  plan?: string
  /** Put a picture of each slide in the guide, exported by Slidev and cached by content hash; none when omitted. */
  slideImages?: { exporter?: SlideExporter, cacheDir?: string, notice?: (text: string) => void }
  /** The kit root holding slides.md. */
  deckRoot: string
  /** A renderer already running (tests share one); launched and closed here when omitted. */
  renderer?: PdfRenderer
  /** Where CHROME_PATH and the like are read (default: this process's environment). */
  env?: NodeJS.ProcessEnv
  /** Called as each document is ready, before any file is written. */
  onDocument?: (document: BuiltDocument) => void
}

export interface BuiltDocument {
  kind: DocumentKind
  title: string
  /** Page count of the PDF; undefined for HTML only. */
  pages?: number
  files: string[]
}

export interface HandoutsRun {
  documents: BuiltDocument[]
  /** Browser start-up time; undefined when no PDF was made or a renderer was passed in. */
  browserLaunchMs?: number
  totalMs: number
}

const TITLES: Record<DocumentKind, string> = {
  participant: PARTICIPANT_TITLE,
  answers: ANSWERS_TITLE,
  facilitator: FACILITATOR_TITLE,
  report: REPORT_TITLE,
}

interface Sources {
  library: ScenarioLibrary
  plan: DeckPlan
  analysis?: SessionAnalysis
  images?: ReadonlyMap<number, string>
}

function renderHtml(kind: DocumentKind, { library, plan, analysis, images }: Sources, paper: Paper): string {
  if (kind === 'participant')
    return participantHandout({ library, deck: plan, paper })
  if (kind === 'answers')
    return answerSheet({ library, deck: plan, paper })
  if (kind === 'facilitator')
    return facilitatorGuide({ library, plan, paper, slideImages: images })
  return sessionReport({ analysis: analysis!, kitTitle: plan.title, paper, polls: plan.polls, pollOrder: library.sections.flatMap(section => section.pollIds) })
}

/** Which documents a run builds. */
export function documentsToBuild(only: DocumentKind | undefined, hasResults: boolean): DocumentKind[] {
  if (only === 'report' && !hasResults)
    throw new UserFacingError('--only report needs --results FILE: the JSON that npm run results -- --session NAME writes.')
  if (only)
    return [only]
  return hasResults ? [...documentKinds] : ['participant', 'answers', 'facilitator']
}

/** Builds and writes the requested documents; see BuildHandoutsOptions. */
export async function buildHandouts(options: BuildHandoutsOptions): Promise<HandoutsRun> {
  const started = performance.now()
  const { outDir, format, paper, only, resultsFile, scenarioDir, deckRoot } = options
  const kinds = documentsToBuild(only, resultsFile !== undefined)

  // Every input is checked before the browser starts or a file is touched.
  const library = loadScenarioLibrary(scenarioDir)
  const analysis = resultsFile && kinds.includes('report')
    ? analyseSession(readResultsFile(resultsFile), library, `Results file ${displayPath(resultsFile)}`)
    : undefined
  const plan = await loadSessionDeck(options.plan, library, deckRoot)
  const wantPdf = format !== 'html'
  const executablePath = wantPdf && !options.renderer ? findBrowser({ env: options.env }) : undefined
  const removeIfUnused = prepareOutputDir(outDir)

  const pending: { path: string, data: string | Uint8Array }[] = []
  const documents: BuiltDocument[] = []
  let renderer: PdfRenderer | undefined
  try {
    // The browser first: when it cannot start, that is the message to give, not the export's.
    renderer = wantPdf ? options.renderer ?? await launchPdfRenderer({ executablePath }) : undefined
    const images = options.slideImages && kinds.includes('facilitator')
      ? await slideImages({ root: deckRoot, plan: plan.plan!.name, executablePath: options.slideImages.exporter ? '' : executablePath ?? findBrowser({ env: options.env }), ...options.slideImages })
      : undefined
    const pages = kinds.map(kind => ({ kind, html: renderHtml(kind, { library, plan, analysis, images }, paper) }))
    // The documents print side by side: each is its own browser page, and Chromium lays them out in parallel.
    const rendered = await Promise.all(pages.map(({ html }) => renderer?.render(html)))
    pages.forEach(({ kind, html }, index) => {
      const files: string[] = []
      if (format !== 'pdf') {
        files.push(join(outDir, `${kind}.html`))
        pending.push({ path: files.at(-1)!, data: html })
      }
      const pdf = rendered[index]
      if (pdf) {
        files.push(join(outDir, `${kind}.pdf`))
        pending.push({ path: files.at(-1)!, data: pdf.pdf })
      }
      const document = { kind, title: TITLES[kind], pages: pdf?.pages, files }
      documents.push(document)
      options.onDocument?.(document)
    })
  }
  catch (error) {
    removeIfUnused()
    throw error
  }
  finally {
    if (renderer && !options.renderer)
      await renderer.close()
  }

  // Each write waits for the disk (fsync); waiting for all at once costs about one.
  await Promise.all(pending.map(({ path, data }) => writeFileAtomic(path, data)))

  return {
    documents,
    browserLaunchMs: renderer && !options.renderer ? renderer.launchMs : undefined,
    totalMs: performance.now() - started,
  }
}
