import process from 'node:process'
import { UserFacingError } from '../../lib/userFacingError'

/** Where a command writes and what environment it reads: the process's own, or a test's. */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: NodeJS.ProcessEnv
}

/** A command's logic: its arguments (without node and the script) and its io, to an exit code. */
export type CliMain = (argv: string[], io: CliIo) => Promise<number | void>

/** The running process's io. */
export const processIo: CliIo = {
  stdout: text => void process.stdout.write(text),
  stderr: text => void process.stderr.write(text),
  env: process.env,
}

/**
 * Runs a command and returns its exit code: a thrown error becomes one readable line on
 * stderr and exit code 1, never a stack trace. A UserFacingError's message is all there is
 * to say; for anything else (a bug), DEBUG=1 adds the stack. Tests call this in-process.
 */
export async function runCli(main: CliMain, argv: string[], io: CliIo): Promise<number> {
  try {
    return (await main(argv, io)) ?? 0
  }
  catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`✖ ${message}\n`)
    if (io.env.DEBUG && error instanceof Error && !(error instanceof UserFacingError) && error.stack)
      io.stderr(`${error.stack}\n`)
    return 1
  }
}

/** Runs a command-line entry point with the process's arguments and io; see runCli. */
export function runMain(main: CliMain): void {
  void runCli(main, process.argv.slice(2), processIo).then((code) => {
    process.exitCode = code
  })
}
