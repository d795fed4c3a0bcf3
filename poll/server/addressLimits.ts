// Caps what one network address may hold open, so a script on one laptop cannot use up
// the process's file descriptors and lock out the room. Defaults leave room for a whole
// class behind one venue NAT or proxy. Counts live in memory only, while sockets are open.

import { isLoopbackAddress } from './originPolicy'

export interface AddressLimitsOptions {
  /** Open sockets per address (default 1000: a room of 500 phones behind one NAT, twice over). */
  maxOpen?: number
  /** Sockets per address that have not said hello yet (default 200: phones say hello at once). */
  maxWaiting?: number
  /**
   * Leave this machine's own addresses uncapped (default true): the deck, the benchmark and a
   * local reverse proxy or tunnel, behind which a whole room arrives from 127.0.0.1.
   */
  exemptLoopback?: boolean
}

export class AddressLimits {
  private readonly open = new Map<string, number>()
  private readonly waiting = new Map<string, number>()
  private readonly maxOpen: number
  private readonly maxWaiting: number
  private readonly exemptLoopback: boolean

  constructor({ maxOpen = 1000, maxWaiting = 200, exemptLoopback = true }: AddressLimitsOptions = {}) {
    this.maxOpen = maxOpen
    this.maxWaiting = maxWaiting
    this.exemptLoopback = exemptLoopback
  }

  /** True when one more socket from `address` would go over a limit. */
  isFull(address: string): boolean {
    if (this.exemptLoopback && isLoopbackAddress(address))
      return false
    return (this.open.get(address) ?? 0) >= this.maxOpen || (this.waiting.get(address) ?? 0) >= this.maxWaiting
  }

  opened(address: string): void {
    bump(this.open, address, 1)
    bump(this.waiting, address, 1)
  }

  greeted(address: string): void {
    bump(this.waiting, address, -1)
  }

  closed(address: string, greeted: boolean): void {
    bump(this.open, address, -1)
    if (!greeted)
      bump(this.waiting, address, -1)
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by
  if (next > 0)
    counts.set(key, next)
  else
    counts.delete(key)
}
