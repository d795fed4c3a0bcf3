import type { TestServer } from '../poll/support/testServer'
import { Buffer } from 'node:buffer'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildPhonePage } from '../../poll/server/phonePage'
import { startTestServer } from '../poll/support/testServer'

const BUDGET_BYTES = 30 * 1024

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.stop())

/** Fetches without decompressing, to see what goes over the wire. */
async function raw(path: string, headers: Record<string, string> = {}): Promise<{ status: number, headers: Headers, body: Buffer }> {
  const response = await fetch(`${t.httpUrl}${path}`, { headers: { 'accept-encoding': 'gzip', ...headers } })
  // Node's fetch decodes gzip itself; the length header tells what was sent.
  const body = Buffer.from(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, body }
}

describe('the vote page the poll server serves', () => {
  it('is one gzipped HTML document within the 30 KB budget', async () => {
    const page = await raw(`/${t.code}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-encoding')).toBe('gzip')
    expect(Number(page.headers.get('content-length'))).toBeLessThanOrEqual(BUDGET_BYTES)
    const html = page.body.toString('utf8')
    expect(html).toContain('<main id="main">')
    // Everything is inline: no script, style sheet, font or image is fetched from anywhere.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="stylesheet"|@import|@font-face|url\(/)
  })

  it('allows only its own script and style, and talks only to this server', async () => {
    const policy = (await raw('/')).headers.get('content-security-policy')!
    expect(policy).toMatch(/default-src 'none'/)
    expect(policy).toMatch(/script-src 'sha256-[\w+/=]+'(;|$)/)
    expect(policy).toMatch(/style-src 'sha256-[\w+/=]+'(;|$)/)
    expect(policy).toContain(`connect-src 'self' ws://127.0.0.1:${t.server.port} wss://127.0.0.1:${t.server.port}`)
    expect(policy).toContain('frame-ancestors \'none\'')
  })

  it('answers a reload with 304 and a phone without gzip with plain HTML', async () => {
    const first = await raw('/')
    const again = await raw('/', { 'if-none-match': first.headers.get('etag')! })
    expect(again.status).toBe(304)
    const plain = await fetch(`${t.httpUrl}/`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect((await plain.text()).startsWith('<!doctype html>')).toBe(true)
  })

  it('does not echo a hostile Host header into its policy', async () => {
    const { request } = await import('node:http')
    const policy = await new Promise<string>((resolve, reject) => {
      request({ host: '127.0.0.1', port: t.server.port, path: '/', headers: { host: 'evil.example; script-src *' } }, (response) => {
        response.resume()
        resolve(String(response.headers['content-security-policy']))
      }).on('error', reject).end()
    })
    expect(policy).not.toContain('evil.example')
    expect(policy).toContain('connect-src \'self\';')
  })

  it('is the same bytes gzipped and plain', async () => {
    const { phonePage } = await import('../../poll/server/phonePage')
    const page = await phonePage()
    expect(gunzipSync(page.gzip).equals(page.html)).toBe(true)
    expect(page.gzip.length).toBeLessThanOrEqual(BUDGET_BYTES)
  })
})

describe('the built vote page, kept between runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'phone-page-cache-'))
  const cacheFile = join(dir, 'phone-page.json')
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('is served from the cache while its sources are unchanged, and rebuilt when one changed or the cache is damaged', async () => {
    const built = await buildPhonePage(cacheFile)
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { inputs: Record<string, string>, html: string }
    expect(Object.keys(cache.inputs)).toEqual(expect.arrayContaining(['poll/phone/main.ts', 'poll/phone/phone.css', 'poll/phone/phone.html', 'node_modules/esbuild/package.json']))

    // A cache that still matches its sources is what is served, byte for byte (marked here to tell it apart).
    writeFileSync(cacheFile, JSON.stringify({ ...cache, html: cache.html.replace('<title>Live poll</title>', '<title>Live poll (cached)</title>') }))
    expect((await buildPhonePage(cacheFile)).html.toString()).toContain('Live poll (cached)')

    // One source changed since: built again, and the cache replaced.
    writeFileSync(cacheFile, JSON.stringify({ ...cache, inputs: { ...cache.inputs, 'poll/phone/main.ts': 'stale' }, html: 'stale' }))
    expect((await buildPhonePage(cacheFile)).html.equals(built.html)).toBe(true)
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).inputs['poll/phone/main.ts']).toBe(cache.inputs['poll/phone/main.ts'])

    writeFileSync(cacheFile, '{"inputs": {')
    expect((await buildPhonePage(cacheFile)).etag).toBe(built.etag)
  }, 30_000)
})
