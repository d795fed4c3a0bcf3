/**
 * Collects which polls got votes (and whether participant counts changed) and flushes
 * them at most once per `intervalMs`: one tally message per interval, not one per vote.
 */
export class TallyCoalescer {
  private readonly polls = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | undefined

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

  stop(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined
      const polls = [...this.polls]
      this.polls.clear()
      this.flush(polls)
    }, this.intervalMs)
  }
}
