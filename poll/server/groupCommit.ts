/**
 * Group commit: jobs pushed within one window (by default, everything read from the
 * sockets in the same event-loop turn) are handed to `commit` together, so a burst of
 * votes shares one transaction and one fsync instead of paying one each.
 */
export class GroupCommit<Job> {
  private queue: Job[] = []
  private scheduled: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined

  constructor(
    private readonly commit: (jobs: Job[]) => void,
    /** 0: flush on the next turn of the event loop; more: wait that many ms to gather more. */
    private readonly windowMs = 0,
  ) {}

  push(job: Job): void {
    this.queue.push(job)
    if (this.scheduled === undefined)
      this.scheduled = this.windowMs > 0 ? setTimeout(() => this.flush(), this.windowMs) : setImmediate(() => this.flush())
  }

  /** Commits whatever is queued now (used on shutdown). */
  flush(): void {
    if (this.scheduled !== undefined) {
      clearTimeout(this.scheduled as ReturnType<typeof setTimeout>)
      clearImmediate(this.scheduled as ReturnType<typeof setImmediate>)
      this.scheduled = undefined
    }
    const jobs = this.queue
    this.queue = []
    if (jobs.length > 0)
      this.commit(jobs)
  }
}
