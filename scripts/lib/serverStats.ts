// Figures a benchmark asks of a poll server it spawned, over the IPC channel Node opens
// when the parent passes 'ipc' in stdio. Without that channel (npm start, npm run
// poll-server) nothing is measured and nothing listens.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import process from 'node:process'

/** What the benchmark asks: start a measurement window, or read it. */
export type StatsRequest = 'stats:reset' | 'stats:read'

export interface ServerStats {
  /** Longest event-loop stall since the last reset, in ms (10 ms resolution). */
  eventLoopMaxMs: number
  /** Resident memory now, in MB. */
  rssMb: number
}

/** Answers stats requests when a parent is listening on IPC. */
export function serveStatsToParent(): void {
  if (!process.send)
    return
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  process.on('message', (request: StatsRequest) => {
    if (request === 'stats:reset')
      delay.reset()
    else if (request === 'stats:read')
      process.send!({ eventLoopMaxMs: Math.round(delay.max / 1e5) / 10, rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20 * 10) / 10 } satisfies ServerStats)
  })
  // The channel must not keep the server alive after Ctrl-C or keep it from exiting.
  process.channel?.unref()
}
