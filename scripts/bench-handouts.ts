// `npm run bench:handouts`: builds all three documents (HTML and PDF) for the shipped
// scenario library and the results fixture into a temp folder, and prints the timings.
// The LAST line is one JSON object: {"documents":3,"pages":…,"totalMs":…,"browserLaunchMs":…}.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { KIT_ROOT } from '../lib/kitPaths.ts'
import { buildHandouts } from '../print/buildHandouts.ts'
import { runMain } from './lib/runMain.ts'

/** The results export the benchmark reports on (also used by the tests). */
const RESULTS_FIXTURE = resolve(KIT_ROOT, 'test/fixtures/results/session-results.json')

runMain(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-handouts-'))
  try {
    const run = await buildHandouts({
      outDir,
      format: 'both',
      paper: 'a4',
      resultsFile: RESULTS_FIXTURE,
      deckRoot: KIT_ROOT,
      onDocument: document => console.log(`  ${document.title.padEnd(20)} ${document.pages ?? 0} pages`),
    })
    const pages = run.documents.reduce((sum, document) => sum + (document.pages ?? 0), 0)
    console.log(JSON.stringify({
      documents: run.documents.length,
      pages,
      totalMs: Math.round(run.totalMs),
      browserLaunchMs: Math.round(run.browserLaunchMs ?? 0),
    }))
    return 0
  }
  finally {
    rmSync(outDir, { recursive: true, force: true })
  }
})
