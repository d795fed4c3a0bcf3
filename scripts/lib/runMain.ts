import process from 'node:process'
import { UserFacingError } from '../../lib/userFacingError'

/**
 * Runs a command-line entry point: a thrown error becomes one readable line on stderr
 * and exit code 1, never a stack trace. A UserFacingError's message is all there is to
 * say; for anything else (a bug), DEBUG=1 adds the stack.
 */
export function runMain(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error)
      process.stderr.write(`✖ ${message}\n`)
      if (process.env.DEBUG && error instanceof Error && !(error instanceof UserFacingError) && error.stack)
        process.stderr.write(`${error.stack}\n`)
      process.exitCode = 1
    },
  )
}
