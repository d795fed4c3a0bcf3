import process from 'node:process'

/** Repeats of the first signal within this time are echoes (npm, tsx and the terminal all relay Ctrl-C). */
const ECHO_MS = 1500

/**
 * What stops the kit: Ctrl-C (SIGINT, which Node also raises for Ctrl-C in a Windows
 * console), Ctrl-Break on Windows (SIGBREAK), SIGTERM, and SIGHUP (the terminal, or on
 * Windows the console window, was closed). Windows never delivers SIGTERM, so nothing
 * may depend on it alone.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGBREAK', 'SIGTERM', 'SIGHUP'] as const satisfies readonly NodeJS.Signals[]

/**
 * Waits for one of the STOP_SIGNALS, then runs `cleanup` once. The handlers stay for the life of the process: an
 * echo of the same Ctrl-C must not kill a shutdown that is still committing votes, while pressing Ctrl-C again
 * later exits at once, so a stuck shutdown never traps the user.
 */
export function stopOnSignals(cleanup: (signal: NodeJS.Signals) => Promise<void>): Promise<void> {
  return new Promise((resolve, reject) => {
    let firstAt: number | undefined
    function onSignal(signal: NodeJS.Signals) {
      if (firstAt === undefined) {
        firstAt = Date.now()
        cleanup(signal).then(resolve, reject)
      }
      else if (Date.now() - firstAt > ECHO_MS) {
        process.exit(130)
      }
    }
    STOP_SIGNALS.forEach(signal => process.on(signal, onSignal))
  })
}
