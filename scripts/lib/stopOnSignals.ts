import process from 'node:process'

/** Repeats of the first signal within this time are echoes (npm, tsx and the terminal all relay Ctrl-C). */
const ECHO_MS = 1500

/**
 * Waits for Ctrl-C (SIGINT), SIGTERM or SIGHUP (terminal closed), then runs `cleanup` once. Pressing Ctrl-C again
 * while it runs exits at once, so a stuck shutdown never traps the user.
 */
export function stopOnSignals(cleanup: (signal: NodeJS.Signals) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let firstAt: number | undefined
    const onSignal = (signal: NodeJS.Signals) => {
      if (firstAt === undefined) {
        firstAt = Date.now()
        cleanup(signal).then(resolve, reject)
      }
      else if (Date.now() - firstAt > ECHO_MS) {
        process.exit(130)
      }
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
    process.on('SIGHUP', onSignal)
  })
}
