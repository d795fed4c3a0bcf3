// One device, one vote, without accounts: how many new device ids one network address
// may bring. A device id is a random string the phone keeps, so a script can invent as
// many as it likes; what it cannot easily change is its address. New ids are admitted per
// address from a bucket (a whole room behind one venue NAT or proxy fits in its burst) up
// to a total, and an address holding many devices is shown to the presenter, who can
// exclude their votes. Addresses and device lists live in memory only.
import { isLoopbackAddress } from './originPolicy'
import { TokenBucket } from './rateLimiter'

export interface DeviceAdmissionOptions {
  /** New devices one address may bring at once (default 400: a room of 300 behind one NAT, with room to spare). */
  burst?: number
  /** …and per minute after that (default 400). */
  perMinute?: number
  /** New devices one address may bring in all (default 1000). */
  maxPerAddress?: number
  /** The presenter is told about an address once it holds this many devices (default 25). */
  warnAt?: number
  /** Leave this machine's addresses alone (default true): the deck, the benchmark, a local tunnel without --trust-proxy. */
  exemptLoopback?: boolean
  now?: () => number
}

export type Admission = { ok: true } | { ok: false, retryAfterMs: number, reason: 'rate' | 'total' | 'blocked' }

export interface CrowdedAddress {
  address: string
  devices: number
}

interface AddressEntry {
  devices: Set<string>
  bucket: TokenBucket
}

export class DeviceAdmission {
  private readonly addresses = new Map<string, AddressEntry>()
  private readonly known = new Set<string>()
  private readonly blocked = new Set<string>()
  private readonly burst: number
  private readonly perMinute: number
  private readonly maxPerAddress: number
  private readonly exemptLoopback: boolean
  private readonly now: () => number
  readonly warnAt: number

  constructor({ burst = 400, perMinute = 400, maxPerAddress = 1000, warnAt = 25, exemptLoopback = true, now = Date.now }: DeviceAdmissionOptions = {}) {
    this.burst = burst
    this.perMinute = perMinute
    this.maxPerAddress = maxPerAddress
    this.warnAt = warnAt
    this.exemptLoopback = exemptLoopback
    this.now = now
  }

  /** Whether `device` may join from `address`. A device seen before always may: reconnecting is never refused. */
  admit(address: string, device: string): Admission {
    let entry = this.addresses.get(address)
    if (this.known.has(device)) {
      entry?.devices.add(device)
      return { ok: true }
    }
    if (this.exemptLoopback && isLoopbackAddress(address)) {
      this.known.add(device)
      return { ok: true }
    }
    if (this.blocked.has(address))
      return { ok: false, retryAfterMs: 60 * 60_000, reason: 'blocked' }
    if (!entry) {
      entry = { devices: new Set(), bucket: new TokenBucket(this.burst, this.perMinute / 60, this.now) }
      this.addresses.set(address, entry)
    }
    if (entry.devices.size >= this.maxPerAddress)
      return { ok: false, retryAfterMs: 60_000, reason: 'total' }
    if (!entry.bucket.take())
      return { ok: false, retryAfterMs: Math.ceil(60_000 / this.perMinute), reason: 'rate' }
    entry.devices.add(device)
    this.known.add(device)
    return { ok: true }
  }

  /** Addresses holding at least `warnAt` devices, the most first. */
  crowded(): CrowdedAddress[] {
    return [...this.addresses].filter(([, entry]) => entry.devices.size >= this.warnAt).map(([address, entry]) => ({ address, devices: entry.devices.size })).sort((a, b) => b.devices - a.devices)
  }

  /** After the presenter excluded an address: no new devices from it. */
  block(address: string): void {
    this.blocked.add(address)
  }

  isBlocked(address: string): boolean {
    return this.blocked.has(address)
  }

  /** The devices that joined from `address`. */
  devicesFrom(address: string): string[] {
    return [...this.addresses.get(address)?.devices ?? []]
  }
}

/**
 * The client's address. Behind a reverse proxy or tunnel every socket comes from the proxy;
 * only then, and only from a proxy the trainer named (--trust-proxy), is X-Forwarded-For
 * believed: its right-most entry that is not itself a trusted proxy. Anyone else could write
 * any address into that header.
 */
export function clientAddress(remote: string, forwardedFor: string | string[] | undefined, trustedProxies: ReadonlySet<string>): string {
  const peer = unmapIpv4(remote)
  if (!trustedProxies.has(peer) || forwardedFor === undefined)
    return peer
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor).split(',').map(hop => unmapIpv4(hop.trim())).filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trustedProxies.has(hops[i]!))
      return hops[i]!
  }
  return peer
}

/** `::ffff:192.168.1.5` → `192.168.1.5`, so one phone has one address whichever socket family it used. */
export function unmapIpv4(address: string): string {
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address
}
