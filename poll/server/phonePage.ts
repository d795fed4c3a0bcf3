// Builds the vote page once per process: the TypeScript bundled and minified by
// esbuild, inlined with the CSS into one HTML document (one request for a phone),
// pre-gzipped, with a Content-Security-Policy that allows exactly that script and style.
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, transform } from 'esbuild'
import { KIT_ROOT } from '../../lib/kitPaths'

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

export async function buildPhonePage(): Promise<PhonePage> {
  const [script, style] = await Promise.all([
    build({
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
  const html = Buffer.from(text, 'utf8')
  return {
    html,
    gzip: gzipSync(html, { level: 9 }),
    etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`,
    scriptHash: sha256(js),
    styleHash: sha256(css),
  }
}

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}
