import type { TestServer } from './support/testServer'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fetchPresenterToken } from '../../poll/client'
import { loadOrCreatePresenterToken, secretsMatch, TOKEN_FILE_NAME } from '../../poll/server/presenterToken'
import { startTestServer } from './support/testServer'

/** A raw GET/OPTIONS with exactly the headers given (fetch would not let us set Host). */
function get(url: string, headers: Record<string, string>, method = 'GET'): Promise<{ status: number, headers: Record<string, unknown>, body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (response) => {
      let body = ''
      response.on('data', (chunk) => {
        body += chunk
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('presenter token file', () => {
  it('is created once with 256 random bits, readable only by its owner, and reused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poll-token-'))
    try {
      const token = loadOrCreatePresenterToken(dir)
      expect(token).toMatch(/^[\w-]{43}$/)
      // Windows has no Unix file modes (its ACLs already keep the file to the user's profile).
      if (process.platform !== 'win32')
        expect(statSync(join(dir, TOKEN_FILE_NAME)).mode & 0o777).toBe(0o600)
      expect(loadOrCreatePresenterToken(dir)).toBe(token)
      expect(readFileSync(join(dir, TOKEN_FILE_NAME), 'utf8').trim()).toBe(token)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('is compared in constant time, whatever the lengths', () => {
    expect(secretsMatch('abc', 'abc')).toBe(true)
    expect(secretsMatch('abd', 'abc')).toBe(false)
    expect(secretsMatch('', 'abc')).toBe(false)
    expect(secretsMatch('abc'.repeat(100), 'abc')).toBe(false)
  })
})

describe('presenter token route', () => {
  let t: TestServer
  const deck = 'http://localhost:3030'
  beforeAll(async () => {
    t = await startTestServer({ deckOrigins: [deck, 'https://decks.example.com'] })
  })
  afterAll(() => t.stop())

  it('gives the token to the deck on an allowed origin, over loopback, with CORS for that origin only', async () => {
    const response = await get(`${t.httpUrl}/presenter-token`, { Origin: deck })
    expect(response.status).toBe(200)
    expect(JSON.parse(response.body)).toEqual({ token: t.token })
    expect(response.headers['access-control-allow-origin']).toBe(deck)
    expect(response.headers['cache-control']).toBe('no-store')
  })

  it('works through the client helper a deck uses', async () => {
    const fetchAsDeck: typeof fetch = input => get(String(input), { Origin: deck }).then(r => new Response(r.body, { status: r.status }))
    expect(await fetchPresenterToken(t.httpUrl, fetchAsDeck)).toBe(t.token)
  })

  it('refuses a foreign origin, no origin, and a rebound host name', async () => {
    const attempts: Record<string, string>[] = [{ Origin: 'http://evil.example' }, {}, { Origin: deck, Host: `evil.example:${t.server.port}` }, { Origin: 'null' }]
    for (const headers of attempts) {
      const response = await get(`${t.httpUrl}/presenter-token`, headers)
      expect(response.status).toBe(403)
      expect(response.body).not.toContain(t.token)
      expect(response.headers['access-control-allow-origin']).toBeUndefined()
    }
  })

  it('answers the private-network preflight of a hosted deck', async () => {
    const response = await get(`${t.httpUrl}/presenter-token`, {
      'Origin': 'https://decks.example.com',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Private-Network': 'true',
    }, 'OPTIONS')
    expect(response.status).toBe(204)
    expect(response.headers['access-control-allow-private-network']).toBe('true')
    expect(response.body).toBe('')
  })

  it('lets the deck read the health check across origins', async () => {
    const response = await get(`${t.httpUrl}/healthz`, { Origin: deck })
    expect([response.status, response.headers['access-control-allow-origin'], JSON.parse(response.body)]).toEqual([200, deck, { ok: true, session: 'test-session' }])
    expect((await get(`${t.httpUrl}/healthz`, { Origin: 'http://evil.example' })).headers['access-control-allow-origin']).toBeUndefined()
  })

  it('never puts the token in anything a phone can load', async () => {
    for (const path of ['/', `/${t.code}`, '/healthz', '/ws'])
      expect(await fetch(`${t.httpUrl}${path}`).then(response => response.text())).not.toContain(t.token)
  })
})
