export interface BackoffOptions {
  /** Delay cap of the first retry. */
  baseMs?: number
  /** Largest delay cap. */
  maxMs?: number
}

/**
 * Delay before reconnect attempt `attempt` (0-based): exponential, capped, with "equal
 * jitter" (a random point in the upper half of the cap), so 500 phones that lost the
 * Wi-Fi together do not all knock at the same moment, and none retries instantly.
 */
export function backoffDelay(attempt: number, { baseMs = 500, maxMs = 15_000 }: BackoffOptions = {}, random: () => number = Math.random): number {
  const cap = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30))
  return Math.round(cap / 2 + random() * (cap / 2))
}
