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
import { UserFacingError } from '../../lib/userFacingError'
import { parseFlags, sharedFlags } from './cliFlags'

const HELP = `Usage: npm run export -- [--output FILE] [--with-clicks] [--plan NAME]

Writes the workshop deck as a PDF (default: exports/workshop-deck.pdf).
The browser is found automatically; set CHROME_PATH to choose one.

  -o, --output FILE   where to write the PDF
  -c, --with-clicks   one page per click step instead of one per slide
  --plan NAME         the session plan to export: 60 or 90 (default: the plan file's default)
  -h, --help          show this help`

/** The export command: argv without node and the script. Slidev's own output goes to this process's terminal. */
export async function exportMain(argv: string[], io: CliIo): Promise<number> {
  const values = parseFlags({
    ...sharedFlags('plan', 'help'),
    'output': { type: 'string', short: 'o' },
    'with-clicks': { type: 'boolean', short: 'c', default: false },
  }, argv)
  if (values.help) {
    io.stdout(`${HELP}\n`)
    return 0
  }

  // Checked here, so a wrong name stops with the plan file's message rather than Slidev's.
  const plan = choosePlan(loadSessionPlans(), values.plan)
  const browser = findBrowser({ env: io.env })
  const output = values.output ? resolve(values.output) : DEFAULT_DECK_PDF
  mkdirSync(dirname(output), { recursive: true })

  const args = [SLIDEV_BIN, 'export', 'slides.md', '--output', output, '--executable-path', browser, '--timeout', '120000']
  if (values['with-clicks'])
    args.push('--with-clicks')

  const code = await new Promise<number>((resolveCode, reject) => {
    const child = spawn(process.execPath, args, { cwd: KIT_ROOT, stdio: 'inherit', env: { ...io.env, [PLAN_ENV]: plan.name } })
    child.on('error', reject)
    child.on('exit', status => resolveCode(status ?? 1))
  })
  if (code !== 0)
    throw new UserFacingError(`Slidev could not export the deck (exit code ${code}); its messages are above.`)

  const kb = Math.round(statSync(output).size / 1024)
  io.stdout(`✓ Deck PDF written to ${displayPath(output)} (${kb} KB)\n`)
  return 0
}
