import { describe, expect, it } from 'vitest'
import { clientAddress, DeviceAdmission } from '../../poll/server/deviceAdmission'

function clock(start = 0) {
  let time = start
  return { now: () => time, advance: (ms: number) => void (time += ms) }
}

describe('device admission', () => {
  it('admits a room of 300 behind one NAT joining at once, with the defaults', () => {
    const admission = new DeviceAdmission({ now: clock().now })
    const refused = Array.from({ length: 300 }, (_, i) => admission.admit('203.0.113.7', `phone-${i}`)).filter(result => !result.ok)
    expect(refused).toEqual([])
  })

  it('caps a script inventing device ids from one address, with the wait in the refusal', () => {
    const time = clock()
    const admission = new DeviceAdmission({ burst: 50, perMinute: 60, now: time.now })
    const results = Array.from({ length: 500 }, (_, i) => admission.admit('198.51.100.9', `fake-${i}`))
    expect(results.filter(result => result.ok)).toHaveLength(50)
    expect(results[50]).toEqual({ ok: false, reason: 'rate', retryAfterMs: 1000 })
    time.advance(10_000)
    expect(admission.admit('198.51.100.9', 'fake-later').ok).toBe(true)
  })

  it('stops at the total per address however slowly devices arrive', () => {
    const time = clock()
    const admission = new DeviceAdmission({ burst: 5, perMinute: 600, maxPerAddress: 8, now: time.now })
    let admitted = 0
    for (let i = 0; i < 20; i++) {
      time.advance(1000)
      if (admission.admit('198.51.100.9', `slow-${i}`).ok)
        admitted++
    }
    expect(admitted).toBe(8)
    expect(admission.admit('198.51.100.9', 'one-more')).toMatchObject({ ok: false, reason: 'total' })
  })

  it('never refuses a device it has seen, so phones always get back in', () => {
    const admission = new DeviceAdmission({ burst: 1, perMinute: 1, now: clock().now })
    expect(admission.admit('192.0.2.1', 'mine').ok).toBe(true)
    expect(admission.admit('192.0.2.1', 'other').ok).toBe(false)
    expect(admission.admit('192.0.2.1', 'mine').ok).toBe(true)
    expect(admission.admit('192.0.2.99', 'mine').ok).toBe(true)
  })

  it('keeps counting per address apart: one crowded address does not slow the others', () => {
    const admission = new DeviceAdmission({ burst: 2, perMinute: 1, now: clock().now })
    admission.admit('198.51.100.9', 'a')
    admission.admit('198.51.100.9', 'b')
    expect(admission.admit('198.51.100.9', 'c').ok).toBe(false)
    expect(admission.admit('192.0.2.10', 'd').ok).toBe(true)
  })

  it('leaves this machine alone unless told otherwise', () => {
    const admission = new DeviceAdmission({ burst: 1, perMinute: 1, now: clock().now })
    expect(Array.from({ length: 5 }, (_, i) => admission.admit('127.0.0.1', `local-${i}`).ok)).toEqual([true, true, true, true, true])
    const strict = new DeviceAdmission({ burst: 1, perMinute: 1, exemptLoopback: false, now: clock().now })
    expect(strict.admit('127.0.0.1', 'x').ok).toBe(true)
    expect(strict.admit('127.0.0.1', 'y').ok).toBe(false)
  })

  it('names addresses holding many devices for the presenter, the most first', () => {
    const admission = new DeviceAdmission({ warnAt: 3, now: clock().now })
    for (let i = 0; i < 4; i++)
      admission.admit('198.51.100.9', `s-${i}`)
    for (let i = 0; i < 3; i++)
      admission.admit('203.0.113.7', `n-${i}`)
    admission.admit('192.0.2.1', 'lone')
    expect(admission.crowded()).toEqual([{ address: '198.51.100.9', devices: 4 }, { address: '203.0.113.7', devices: 3 }])
    expect(admission.devicesFrom('198.51.100.9')).toEqual(['s-0', 's-1', 's-2', 's-3'])
  })
})

describe('client address', () => {
  const proxy = new Set(['10.0.0.2'])

  it('uses the socket\'s address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('198.51.100.9', '1.2.3.4', new Set())).toBe('198.51.100.9')
    expect(clientAddress('::ffff:198.51.100.9', undefined, proxy)).toBe('198.51.100.9')
  })

  it('believes the right-most untrusted hop behind a trusted proxy', () => {
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.7', proxy)).toBe('203.0.113.7')
    expect(clientAddress('::ffff:10.0.0.2', ['6.6.6.6', '203.0.113.7, 10.0.0.2'], proxy)).toBe('203.0.113.7')
  })

  it('falls back to the proxy itself when the header names only trusted hops', () => {
    expect(clientAddress('10.0.0.2', '10.0.0.2', proxy)).toBe('10.0.0.2')
  })
})
