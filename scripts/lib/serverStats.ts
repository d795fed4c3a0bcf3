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
  /** Of which the JavaScript heap in use, and memory outside it (socket buffers and the like), in MB. */
  heapUsedMb: number
  externalMb: number
}

/** Answers stats requests when a parent is listening on IPC. */
export function serveStatsToParent(): void {
  if (!process.send)
    return
  const delay = monitorEventLoopDelay({ resolution: 10 })
  delay.enable()
  process.on('message', (request: StatsRequest) => {
    if (request === 'stats:reset') {
      delay.reset()
    }
    else if (request === 'stats:read') {
      const memory = process.memoryUsage()
      const mb = (bytes: number) => Math.round(bytes / 2 ** 20 * 10) / 10
      process.send!({ eventLoopMaxMs: Math.round(delay.max / 1e5) / 10, rssMb: mb(memory.rss), heapUsedMb: mb(memory.heapUsed), externalMb: mb(memory.external + memory.arrayBuffers) } satisfies ServerStats)
    }
  })
  // The channel must not keep the server alive after Ctrl-C or keep it from exiting.
  process.channel?.unref()
}
