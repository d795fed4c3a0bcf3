// Slows down join-code and token guessing: after `maxFailures` wrong attempts from one key
// (a device id, or an address) within `windowMs`, attempts from it are refused until the
// oldest of them leaves the window. Keys live in memory only, for at most one window;
// they are never written to disk.

export interface JoinThrottleOptions {
  maxFailures?: number
  windowMs?: number
  now?: () => number
  /** Bounds memory under a spray of addresses. */
  maxTracked?: number
}

export class JoinThrottle {
  private readonly failures = new Map<string, number[]>()
  private readonly maxFailures: number
  private readonly windowMs: number
  private readonly now: () => number
  private readonly maxTracked: number

  constructor({ maxFailures = 5, windowMs = 60_000, now = Date.now, maxTracked = 10_000 }: JoinThrottleOptions = {}) {
    this.maxFailures = maxFailures
    this.windowMs = windowMs
    this.now = now
    this.maxTracked = maxTracked
  }

  /** True when `key` has used up its failed attempts for now. */
  isBlocked(key: string): boolean {
    return this.retryAfterMs(key) > 0
  }

  /** How long until `key` may try again; 0 when it may now. */
  retryAfterMs(key: string): number {
    const recent = this.recent(key)
    if (recent.length < this.maxFailures)
      return 0
    // Free again once enough failures have left the window.
    const freeing = recent[recent.length - this.maxFailures]!
    return Math.max(1, freeing + this.windowMs - this.now())
  }

  recordFailure(key: string): void {
    const recent = this.recent(key)
    recent.push(this.now())
    this.failures.set(key, recent)
    if (this.failures.size > this.maxTracked)
      this.prune()
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs
    const recent = (this.failures.get(key) ?? []).filter(time => time > since)
    if (recent.length === 0)
      this.failures.delete(key)
    return recent
  }

  private prune(): void {
    for (const key of this.failures.keys())
      this.recent(key)
    // Still too many: forget the oldest entries rather than grow without bound.
    for (const key of this.failures.keys()) {
      if (this.failures.size <= this.maxTracked)
        break
      this.failures.delete(key)
    }
  }
}
