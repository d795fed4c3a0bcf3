import type { CliIo } from './runMain'
// `npm run export` (scripts/export.ts runs this main): the deck to PDF with a system
// Chrome/Chromium (never a downloaded one).
import { spawn } from 'node:child_process'
import { mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import process from 'node:process'
import { choosePlan, loadSessionPlans, PLAN_ENV } from '../../content/loadSessionPlans'
import { displayPath } from '../../lib/displayPath'
import { findBrowser } from '../../lib/findBrowser'
import { DEFAULT_DECK_PDF, KIT_ROOT, SLIDEV_BIN } from '../../lib/kitPaths'
import { blankPages } from '../../lib/pdfText'
import { numberList, plural, RETRY_WAIT_MS, slidevExportArgs } from '../../lib/slidevExport'
import { UserFacingError } from '../../lib/userFacingError'
import { parseFlags, sharedFlags } from './cliFlags'

const HELP = `Usage: npm run export -- [--output FILE] [--with-clicks] [--plan NAME] [--wait MS]

Writes the workshop deck as a PDF (default: exports/workshop-deck.pdf).
The browser is found automatically; set CHROME_PATH to choose one.

  -o, --output FILE   where to write the PDF
  -c, --with-clicks   one page per click step instead of one per slide
  --plan NAME         the session plan to export: 60 or 90 (default: the plan file's default)
  --wait MS           let the slides draw this long before printing (default: 0; a page
                      that still comes out blank is exported once more with ${RETRY_WAIT_MS} ms)
  -h, --help          show this help`

/** Runs `slidev` with these arguments in the kit's folder; resolves with its exit code. */
export type SlidevRunner = (args: string[], env: NodeJS.ProcessEnv) => Promise<number>

/** Slidev's own output goes to this process's terminal. */
const spawnSlidev: SlidevRunner = (args, env) => new Promise<number>((resolveCode, reject) => {
  const child = spawn(process.execPath, [SLIDEV_BIN, ...args], { cwd: KIT_ROOT, stdio: 'inherit', env })
  child.on('error', reject)
  child.on('exit', status => resolveCode(status ?? 1))
})

/** The export command for a given way of running Slidev (tests pass their own). */
export function createExportMain(runSlidev: SlidevRunner) {
  return async (argv: string[], io: CliIo): Promise<number> => {
    const values = parseFlags({
      ...sharedFlags('plan', 'help'),
      'output': { type: 'string', short: 'o' },
      'with-clicks': { type: 'boolean', short: 'c', default: false },
      'wait': { type: 'string' },
    }, argv)
    if (values.help) {
      io.stdout(`${HELP}\n`)
      return 0
    }
    const wait = values.wait === undefined ? 0 : Number(values.wait)
    if (!Number.isInteger(wait) || wait < 0 || wait > 60_000)
      throw new UserFacingError(`--wait must be a whole number of milliseconds from 0 to 60000, not "${values.wait}".`)

    // Checked here, so a wrong name stops with the plan file's message rather than Slidev's.
    const plan = choosePlan(loadSessionPlans(), values.plan)
    const browser = findBrowser({ env: io.env })
    const output = values.output ? resolve(values.output) : DEFAULT_DECK_PDF
    mkdirSync(dirname(output), { recursive: true })

    const env = { ...io.env, [PLAN_ENV]: plan.name }
    const exportOnce = async (waitMs: number): Promise<number[]> => {
      const args = slidevExportArgs({ output, executablePath: browser, waitMs })
      if (values['with-clicks'])
        args.push('--with-clicks')
      const code = await runSlidev(args, env)
      if (code !== 0)
        throw new UserFacingError(`Slidev could not export the deck (exit code ${code}); its messages are above.`)
      return blankPages(output)
    }

    // Slidev prints when the page's network goes quiet; on a busy machine that can come
    // before a slide has drawn, and every slide of this deck has text.
    let blank = await exportOnce(wait)
    if (blank.length > 0 && wait < RETRY_WAIT_MS) {
      io.stdout(`${plural('Page', blank)} ${numberList(blank)} came out blank: the browser printed before the slides had drawn. Exporting again, giving them ${RETRY_WAIT_MS / 1000} s…\n`)
      blank = await exportOnce(RETRY_WAIT_MS)
    }
    if (blank.length > 0)
      throw new UserFacingError(`${plural('Page', blank)} ${numberList(blank)} of ${displayPath(output)} came out blank: the browser printed before the slides had drawn. Close other busy programs, or give the slides longer with --wait 10000, and export again.`)

    const kb = Math.round(statSync(output).size / 1024)
    io.stdout(`✓ Deck PDF written to ${displayPath(output)} (${kb} KB)\n`)
    return 0
  }
}

export const exportMain = createExportMain(spawnSlidev)
