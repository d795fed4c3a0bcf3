/**
 * Runs queued work in bounded slices, one slice per turn of the event loop, so a burst of
 * thousands of messages never holds the loop for long: between slices Node reads sockets,
 * fires heartbeats and takes the presenter's click. Urgent items (the presenter's) run
 * before the rest of the queue.
 */
export class SlicedQueue<Item> {
  private urgent: Item[] = []
  private normal: Item[] = []
  /** Index of the next unprocessed item in `normal` (shifting a long array is O(n)). */
  private head = 0
  private scheduled: ReturnType<typeof setImmediate> | undefined

  constructor(
    private readonly run: (item: Item) => void,
    /** Items per slice. */
    private readonly sliceSize: number,
    /** Called after each slice that ran something (e.g. to commit what it queued). */
    private readonly afterSlice: () => void = () => {},
  ) {}

  get size(): number {
    return this.urgent.length + this.normal.length - this.head
  }

  push(item: Item, urgent = false): void {
    if (urgent)
      this.urgent.push(item)
    else
      this.normal.push(item)
    this.scheduled ??= setImmediate(() => this.slice())
  }

  /** Runs everything queued now, in one go (shutdown). */
  drain(): void {
    while (this.size > 0)
      this.slice(Number.POSITIVE_INFINITY)
  }

  private slice(limit = this.sliceSize): void {
    if (this.scheduled !== undefined)
      clearImmediate(this.scheduled)
    this.scheduled = undefined
    let budget = limit
    while (budget > 0 && this.urgent.length > 0) {
      this.run(this.urgent.shift()!)
      budget--
    }
    while (budget > 0 && this.head < this.normal.length) {
      this.run(this.normal[this.head]!)
      this.normal[this.head++] = undefined as Item
      budget--
    }
    if (this.head === this.normal.length) {
      this.normal = []
      this.head = 0
    }
    this.afterSlice()
    if (this.size > 0)
      this.scheduled = setImmediate(() => this.slice())
  }
}
