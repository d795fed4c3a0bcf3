/**
 * Collects which polls got votes (and whether participant counts changed) and flushes
 * them at most once per `intervalMs`: one tally message per interval, not one per vote.
 */
export class TallyCoalescer {
  private readonly polls = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private stopped = false

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (polls: string[]) => void,
  ) {}

  markPoll(id: string): void {
    this.polls.add(id)
    this.schedule()
  }

  /** Participant counts changed: flush soon even if no poll got a vote. */
  markParticipants(): void {
    this.schedule()
  }

  /** For good: sockets that close during shutdown must not start the timer again. */
  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private schedule(): void {
    if (this.stopped)
      return
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      const polls = [...this.polls]
      this.polls.clear()
      this.flush(polls)
    }, this.intervalMs)
  }
}
