import { spawn } from 'node:child_process'
// Small pictures of the deck's slides for the facilitator guide, made by one
// `slidev export --format png` run per plan and cached under .cache/ by a hash of
// everything that draws the slides, so a second `npm run handouts` costs nothing.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import process from 'node:process'
import { PLAN_ENV } from '../content/loadSessionPlans.ts'
import { numberList, plural, RETRY_WAIT_MS, slidevExportArgs } from '../lib/slidevExport.ts'
import { UserFacingError } from '../lib/userFacingError.ts'
import { isBlankPng } from './blankImage.ts'

/** What decides how the slides look: the deck, its components and styles, the scenarios and the plans. */
const DECK_INPUTS = ['slides.md', 'style.css', 'pages', 'components', 'composables', 'content', 'setup', 'scenarios', 'plans', 'package-lock.json']

/** Renders the plan's slides as `1.png`, `2.png`, … into `outDir`, letting them draw `waitMs` more first; the real one runs Slidev. */
export type SlideExporter = (options: { root: string, plan: string, outDir: string, executablePath: string, waitMs: number }) => Promise<void>

export interface SlideImagesOptions {
  root: string
  plan: string
  executablePath: string
  /** Where cached pictures live (default: <root>/.cache/slide-images). */
  cacheDir?: string
  exporter?: SlideExporter
  /** Told what is taking time: the export on a cache miss, and a second try. */
  notice?: (text: string) => void
}

/** One `slidev export --format png` at half scale, with the plan applied as the running deck applies it. */
const exportWithSlidev: SlideExporter = async ({ root, plan, outDir, executablePath, waitMs }) => {
  const slidev = join(root, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
  const args = [slidev, ...slidevExportArgs({ output: outDir, executablePath, waitMs }), '--format', 'png', '--scale', '0.5']
  let output = ''
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, [PLAN_ENV]: plan } })
    child.stdout.on('data', (chunk: Uint8Array) => output += String(chunk))
    child.stderr.on('data', (chunk: Uint8Array) => output += String(chunk))
    child.on('error', reject)
    child.on('exit', status => resolve(status ?? 1))
  })
  if (code !== 0)
    throw new UserFacingError(`Slidev could not export the slide pictures for the guide (exit code ${code}); pass --no-slide-images to build without them.\n${output.trim().split('\n').slice(-5).join('\n')}`)
}

/** A hash of every file that draws the deck, and the plan: the cache key. */
export function deckHash(root: string, plan: string): string {
  const hash = createHash('sha256').update(`plan:${plan}\n`)
  const visit = (path: string) => {
    if (!existsSync(path))
      return
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort())
        visit(join(path, name))
      return
    }
    hash.update(`${relative(root, path)}\n`).update(readFileSync(path))
  }
  for (const input of DECK_INPUTS)
    visit(join(root, input))
  return hash.digest('hex').slice(0, 16)
}

/** Slide number → PNG as a data: URL, from the cache or from one export run. */
export async function slideImages({ root, plan, executablePath, cacheDir = join(root, '.cache', 'slide-images'), exporter = exportWithSlidev, notice = () => {} }: SlideImagesOptions): Promise<Map<number, string>> {
  const dir = join(cacheDir, `${plan}-${deckHash(root, plan)}`)
  if (!existsSync(dir)) {
    // Export beside the cache and rename: an interrupted run never leaves a half-filled entry.
    const partial = `${dir}.partial-${process.pid}`
    try {
      // A picture taken before its slide drew would stay in the cache until the deck changes.
      notice(`Drawing the slide pictures for the guide (plan ${plan}); once per change to the deck…`)
      let blank = await exportInto(partial, 0)
      if (blank.length > 0) {
        notice(`The ${plural('picture', blank)} of ${plural('slide', blank)} ${numberList(blank)} came out blank; drawing them again with ${RETRY_WAIT_MS / 1000} s for the slides to draw…`)
        blank = await exportInto(partial, RETRY_WAIT_MS)
      }
      if (blank.length > 0)
        throw new UserFacingError(`The guide's ${plural('picture', blank)} of ${plural('slide', blank)} ${numberList(blank)} came out blank twice: the browser took them before the slides had drawn. Close other busy programs and run again, or pass --no-slide-images.`)
      // Older entries of this plan are stale: the deck changed since.
      for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
        if (name.startsWith(`${plan}-`) && !name.includes('.partial-'))
          rmSync(join(cacheDir, name), { recursive: true, force: true })
      }
      renameSync(partial, dir)
    }
    finally {
      rmSync(partial, { recursive: true, force: true })
    }
  }
  const images = new Map<number, string>()
  for (const [number, name] of slidePictures(dir))
    images.set(number, `data:image/png;base64,${readFileSync(join(dir, name)).toString('base64')}`)
  return images

  /** One export into a fresh `outDir`; the numbers of the slides whose picture is blank. */
  async function exportInto(outDir: string, waitMs: number): Promise<number[]> {
    rmSync(outDir, { recursive: true, force: true })
    mkdirSync(outDir, { recursive: true })
    await exporter({ root, plan, outDir, executablePath, waitMs })
    return slidePictures(outDir)
      .filter(([, name]) => isBlankPng(readFileSync(join(outDir, name))))
      .map(([number]) => number)
  }
}

/** Slide number and file name of each `N.png` in `dir`, in slide order. */
function slidePictures(dir: string): [number, string][] {
  return readdirSync(dir)
    .flatMap((name): [number, string][] => {
      const number = /^(\d+)\.png$/.exec(name)?.[1]
      return number ? [[Number(number), name]] : []
    })
    .sort(([a], [b]) => a - b)
}
