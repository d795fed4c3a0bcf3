// `npm run handouts` (scripts/handouts.ts runs this main): the participant handout, the
// facilitator guide and, with --results, the session report, as PDF and/or HTML.
import type { DocumentKind, OutputFormat } from '../../print/buildHandouts.ts'
import type { Paper } from '../../print/paper.ts'
import type { CliIo } from './runMain.ts'
import { resolve } from 'node:path'
import { displayPath } from '../../lib/displayPath.ts'
import { KIT_ROOT } from '../../lib/kitPaths.ts'
import { UserFacingError } from '../../lib/userFacingError.ts'
import { buildHandouts, documentKinds, outputFormats } from '../../print/buildHandouts.ts'
import { paperNames, paperSizes } from '../../print/paper.ts'
import { parseFlags, sharedFlags } from './cliFlags.ts'

const HELP = `Usage: npm run handouts -- [options]

Writes printable documents made from the scenario library and the deck:
  participant   objectives, routing guide, the plan's polls and self-study scenarios, worksheet; no answers
  answers       the answer sheet to hand out or send after the session (answers.pdf)
  facilitator   the run sheet for the plan: preparation, every slide with its poll's answer, swap-ins
  report        how the room voted, in the plan's poll order (only with --results)

  --plan NAME        the session plan: 60 or 90 (default: the one plans/session-plans.yaml names)
  --no-slide-images  leave the slide pictures out of the facilitator guide (they take one
                     Slidev export per plan the first time, then come from .cache/;
                     --format html always leaves them out, as it needs no browser)
  --out DIR          where to write (default: handouts/)
  --format FORMAT    pdf, html, or both (default: both; HTML needs no browser)
  --only DOCUMENT    build one document: participant, answers, facilitator or report
  --paper SIZE       a4 (default) or letter
  --results FILE     the poll results export, from: npm run results -- --session NAME --out FILE
  --scenarios DIR    the scenario library (default: scenarios/)
  -h, --help         show this help

PDFs are rendered by a Chrome, Chromium or Edge on this machine; set CHROME_PATH to choose one.`

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value))
    return value as T
  throw new UserFacingError(`${flag} "${value}" is not known; use ${allowed.join(', ')}.`)
}

/** The handouts command: argv without node and the script. */
export async function handoutsMain(argv: string[], io: CliIo): Promise<number> {
  const values = parseFlags({
    ...sharedFlags('out', 'scenarios', 'plan', 'help'),
    'format': { type: 'string', default: 'both' },
    'only': { type: 'string' },
    'paper': { type: 'string', default: 'a4' },
    'results': { type: 'string' },
    'no-slide-images': { type: 'boolean', default: false },
  }, argv)
  if (values.help) {
    io.stdout(`${HELP}\n`)
    return 0
  }
  const format = oneOf<OutputFormat>('--format', values.format, outputFormats)
  const only = values.only === undefined ? undefined : oneOf<DocumentKind>('--only', values.only, documentKinds)
  const paper = oneOf<Paper>('--paper', values.paper, paperNames)
  const outDir = resolve(values.out ?? resolve(KIT_ROOT, 'handouts'))

  const run = await buildHandouts({
    outDir,
    format,
    paper,
    only,
    resultsFile: values.results === undefined ? undefined : resolve(values.results),
    scenarioDir: values.scenarios === undefined ? undefined : resolve(values.scenarios),
    plan: values.plan,
    // Pictures need a browser for the export; an HTML-only run promises to need none.
    slideImages: values['no-slide-images'] || format === 'html' ? undefined : { notice: text => io.stdout(`${text}\n`) },
    deckRoot: KIT_ROOT,
    env: io.env,
    onDocument: (document) => {
      const size = document.pages === undefined ? 'HTML' : `${document.pages} ${document.pages === 1 ? 'page' : 'pages'}`
      io.stdout(`  ${document.title.padEnd(20)} ${size}\n`)
    },
  })

  const files = run.documents.flatMap(document => document.files)
  const seconds = (run.totalMs / 1000).toFixed(1)
  io.stdout(`✓ ${files.length} ${files.length === 1 ? 'file' : 'files'} written (${paperSizes[paper].label}, ${seconds} s):\n`)
  for (const file of files)
    io.stdout(`  ${displayPath(file)}\n`)
  if (!values.results && !only)
    io.stdout('  (add --results FILE for the session report)\n')
  return 0
}
