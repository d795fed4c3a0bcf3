import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { normalizeJoinCode, parseClientMessage } from '../../poll/protocol'
import { JoinThrottle } from '../../poll/server/joinThrottle'
import { lanAddresses } from '../../poll/server/lanAddress'
import { isLoopbackAddress, isLoopbackHost, isOriginAllowed } from '../../poll/server/originPolicy'
import { createJoinCode, defaultSessionId, resumableSession } from '../../poll/server/pollServer'
import { TokenBucket } from '../../poll/server/rateLimiter'
import { PollStore } from '../../poll/store/pollStore'

const policy = { allowedOrigins: new Set(['http://localhost:3030']), ownHostnames: new Set(['poll.example.org']) }

describe('origin policy', () => {
  it('allows the deck', () => expect(isOriginAllowed('http://localhost:3030', '10.0.0.5:3040', policy)).toBe(true))
  it('allows the vote page on its own IP origin', () => expect(isOriginAllowed('http://10.0.0.5:3040', '10.0.0.5:3040', policy)).toBe(true))
  it('allows a configured public name', () => expect(isOriginAllowed('http://poll.example.org', 'poll.example.org', policy)).toBe(true))
  it('allows clients without an Origin (not browsers)', () => expect(isOriginAllowed(undefined, '10.0.0.5:3040', policy)).toBe(true))
  it('refuses another site', () => expect(isOriginAllowed('https://evil.example', '10.0.0.5:3040', policy)).toBe(false))
  it('refuses a rebound name even when Host agrees', () => expect(isOriginAllowed('http://evil.example:3040', 'evil.example:3040', policy)).toBe(false))
  it('refuses another port on the same IP', () => expect(isOriginAllowed('http://10.0.0.5:8080', '10.0.0.5:3040', policy)).toBe(false))
  it('refuses a malformed origin', () => expect(isOriginAllowed('null', '10.0.0.5:3040', policy)).toBe(false))
  it('knows loopback addresses', () => expect(['127.0.0.1', '::1', '::ffff:127.0.0.1', '10.0.0.1', undefined].map(isLoopbackAddress)).toEqual([true, true, true, false, false]))
  it('knows loopback hosts', () => expect(['localhost:3040', '127.0.0.1:3040', '[::1]:3040', 'evil.example', undefined].map(isLoopbackHost)).toEqual([true, true, true, false, false]))
})

describe('rate limiter', () => {
  it('allows a burst, then refills over time', () => {
    let now = 0
    const bucket = new TokenBucket(3, 2, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
    now = 500
    expect([bucket.take(), bucket.take()]).toEqual([true, false])
  })
})

describe('join throttle', () => {
  it('blocks an address after its failures, until the window passes, and only that address', () => {
    let now = 0
    const throttle = new JoinThrottle({ maxFailures: 2, windowMs: 1000, now: () => now })
    throttle.recordFailure('a')
    expect(throttle.isBlocked('a')).toBe(false)
    throttle.recordFailure('a')
    expect([throttle.isBlocked('a'), throttle.isBlocked('b')]).toEqual([true, false])
    now = 1001
    expect(throttle.isBlocked('a')).toBe(false)
  })

  it('says how long until a blocked key may try again', () => {
    let now = 0
    const throttle = new JoinThrottle({ maxFailures: 2, windowMs: 60_000, now: () => now })
    expect(throttle.retryAfterMs('a')).toBe(0)
    throttle.recordFailure('a')
    now = 10_000
    throttle.recordFailure('a')
    now = 15_000
    // Free when the first failure (at 0) leaves the window.
    expect(throttle.retryAfterMs('a')).toBe(45_000)
    now = 60_001
    expect(throttle.retryAfterMs('a')).toBe(0)
  })

  it('bounds its memory under a spray of addresses', () => {
    const throttle = new JoinThrottle({ maxTracked: 10 })
    for (let index = 0; index < 1000; index++)
      throttle.recordFailure(`10.0.${index >> 8}.${index & 255}`)
    expect((throttle as unknown as { failures: Map<string, number[]> }).failures.size).toBeLessThanOrEqual(10)
  })
})

describe('join codes and sessions', () => {
  it('makes 5-character codes without look-alike characters', () => expect(createJoinCode()).toMatch(/^[A-HJ-NP-Z2-9]{5}$/))
  it('normalizes a typed code', () => expect(normalizeJoinCode(' k7q-fm ')).toBe('K7QFM'))
  it('names a session after the local date', () => expect(defaultSessionId(new Date(2025, 2, 7))).toBe('2025-03-07'))

  it('resumes the latest session for 12 hours, so a restart after midnight keeps the join code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poll-resume-'))
    const store = PollStore.open(dir)
    try {
      expect(resumableSession(store)).toBeUndefined()
      const { createdAt } = store.openSession('evening-workshop', createJoinCode)
      const started = Date.parse(createdAt)
      expect(resumableSession(store, started + 11 * 3600_000)).toBe('evening-workshop')
      expect(resumableSession(store, started + 13 * 3600_000)).toBeUndefined()
    }
    finally {
      store.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('protocol parsing', () => {
  it('echoes a well-formed id with an error, never a malformed one', () => {
    expect(parseClientMessage('{"type":"vote","id":"ok-1","choice":"x"}')).toEqual({ ok: false, code: 'bad-message', id: 'ok-1' })
    expect(parseClientMessage('{"type":"vote","id":"<img src=x>"}')).toEqual({ ok: false, code: 'bad-message' })
  })
})

describe('lanAddresses', () => {
  it('prefers a private address on a physical adapter over virtual and public ones', () => {
    const info = (address: string, internal = false) => ({ address, internal, family: 'IPv4' as const, netmask: '', mac: '', cidr: null })
    expect(lanAddresses({
      lo: [info('127.0.0.1', true)],
      docker0: [info('172.17.0.1')],
      eth1: [info('203.0.113.9')],
      wlan0: [info('192.168.1.20')],
    })).toEqual(['192.168.1.20', '203.0.113.9', '172.17.0.1'])
  })
})
