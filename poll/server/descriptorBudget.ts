// Phones the process can hold given its open-file limit, and a warning as the room nears it.
// Without this, the 1,025th socket on a default Linux or macOS shell fails with a bare
// "socket hang up" on the phone and nothing on the trainer's screen.
import type { OpenFileLimit } from '../../lib/openFileLimit'

/** Descriptors the server needs besides phones: SQLite (database, WAL, shared memory), listening socket, stdio, the deck, slack. */
export const SERVER_DESCRIPTOR_RESERVE = 64
/** Warn when this share of the phone budget is in use. */
const NEAR_SHARE = 0.9

/** How many sockets fit under `limit`. */
export function phoneCapacity(limit: OpenFileLimit | undefined): number {
  return limit ? Math.max(0, limit.soft - SERVER_DESCRIPTOR_RESERVE) : Number.POSITIVE_INFINITY
}

/**
 * The start-up note when the limit is below what a room of `room` phones needs, else undefined.
 * Node raises its soft limit to the hard one at start, so a low limit here is the hard one:
 * only a new shell with a higher limit (or an administrator) fixes it.
 */
export function descriptorNote(limit: OpenFileLimit | undefined, room: number): string | undefined {
  const capacity = phoneCapacity(limit)
  if (!limit || capacity >= room)
    return undefined
  const wanted = Math.max(4096, room + SERVER_DESCRIPTOR_RESERVE)
  return `⚠ This process may open ${limit.soft} files, so about ${capacity} phones can connect (you expect ${room}). `
    + `Raise the limit, then restart: ulimit -n ${wanted} in this terminal (if refused: /etc/security/limits.conf on Linux, launchctl limit maxfiles on macOS).`
}

/** Watches open sockets and says once when they near the limit, and again only after they fall well below it. */
export class DescriptorWatch {
  private warned = false
  private readonly capacity: number

  constructor(limit: OpenFileLimit | undefined, private readonly warn: (message: string) => void) {
    this.capacity = phoneCapacity(limit)
  }

  /** Call with the number of open sockets whenever one opens. */
  check(open: number): void {
    if (!Number.isFinite(this.capacity))
      return
    if (!this.warned && open >= this.capacity * NEAR_SHARE) {
      this.warned = true
      this.warn(`⚠ ${open} sockets open, near this process's limit of about ${this.capacity}: more phones will fail to connect. Restart the poll server with a higher limit (ulimit -n ${Math.max(4096, 2 * this.capacity)}) when the room allows.`)
    }
    else if (this.warned && open < this.capacity * (NEAR_SHARE - 0.1)) {
      this.warned = false
    }
  }
}
