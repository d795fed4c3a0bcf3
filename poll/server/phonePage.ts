// Builds the vote page: the TypeScript bundled and minified by esbuild, inlined with the
// CSS into one HTML document (one request for a phone), pre-gzipped, with a
// Content-Security-Policy that allows exactly that script and style. Built once, then
// kept in node_modules/.cache/ until one of its sources changes: a build costs the
// server's start ~0.2 s of CPU and an esbuild process, which under `npm start` compete
// with Slidev starting on the same cores.
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { KIT_ROOT } from '../../lib/kitPaths'
import { writeFileAtomicSync } from '../../lib/writeAtomic'

export interface PhonePage {
  html: Buffer
  gzip: Buffer
  etag: string
  /** Script and style hashes for the Content-Security-Policy. */
  scriptHash: string
  styleHash: string
}

const here = (name: string) => join(KIT_ROOT, 'poll/server', name)

/** Phones a room brings: Safari 14+ and Chrome from the last few years all run ES2020. */
const TARGETS = ['es2020']

let cached: Promise<PhonePage> | undefined

/** The built page, built on first call. */
export function phonePage(): Promise<PhonePage> {
  cached ??= buildPhonePage()
  cached.catch(() => cached = undefined)
  return cached
}

/** Where the built page is kept between runs, with the sources it was built from. */
export const PHONE_PAGE_CACHE = join(KIT_ROOT, 'node_modules/.cache/pm-workshop-kit/phone-page.json')

interface CachedPhonePage {
  /** Each source file (relative to the kit) → sha256 of its content. */
  inputs: Record<string, string>
  html: string
  scriptHash: string
  styleHash: string
}

/** The page from the cache when none of its sources changed; otherwise built and cached. */
export async function buildPhonePage(cacheFile = PHONE_PAGE_CACHE): Promise<PhonePage> {
  const built = readCachedPage(cacheFile) ?? await buildAndCache(cacheFile)
  const html = Buffer.from(built.html, 'utf8')
  return {
    html,
    gzip: gzipSync(html, { level: 9 }),
    etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
    scriptHash: built.scriptHash,
    styleHash: built.styleHash,
  }
}

async function buildAndCache(cacheFile: string): Promise<CachedPhonePage> {
  const built = await buildHtml()
  try {
    mkdirSync(dirname(cacheFile), { recursive: true })
    writeFileAtomicSync(cacheFile, JSON.stringify(built))
  }
  catch {
    // A read-only install still serves the page; it is only built again next time.
  }
  return built
}

function readCachedPage(cacheFile: string): CachedPhonePage | undefined {
  try {
    const cached = JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedPhonePage
    const fresh = Object.entries(cached.inputs).every(([file, hash]) => contentHash(join(KIT_ROOT, file)) === hash)
    return fresh && [cached.html, cached.scriptHash, cached.styleHash].every(field => typeof field === 'string') ? cached : undefined
  }
  catch {
    return undefined
  }
}

function contentHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('base64url')
}

async function buildHtml(): Promise<CachedPhonePage> {
  const { build, transform } = await import('esbuild')
  const [script, style] = await Promise.all([
    build({
      absWorkingDir: KIT_ROOT,
      metafile: true,
      entryPoints: [here('../phone/main.ts')],
      bundle: true,
      minify: true,
      format: 'iife',
      platform: 'browser',
      target: TARGETS,
      write: false,
      legalComments: 'none',
      charset: 'utf8',
    }),
    transform(readFileSync(here('../phone/phone.css'), 'utf8'), { loader: 'css', minify: true, target: TARGETS, legalComments: 'none' }),
  ])
  const js = script.outputFiles[0]!.text.trim()
  const css = style.code.trim()
  const template = readFileSync(here('../phone/phone.html'), 'utf8')
  // Function replacers: a `$` in the bundle must stay a `$`.
  const text = template
    .replace('/*! phone.css */', () => css)
    .replace('/*! phone.js */', () => js)
  // esbuild's own package.json stands in for what a new esbuild could build differently.
  const sources = [...Object.keys(script.metafile.inputs), 'poll/phone/phone.css', 'poll/phone/phone.html', 'node_modules/esbuild/package.json']
  const inputs = Object.fromEntries(sources.map(file => [file, contentHash(join(KIT_ROOT, file))]))
  return { inputs, html: text, scriptHash: sha256(js), styleHash: sha256(css) }
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}
