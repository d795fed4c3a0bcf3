/**
 * An error written for the person running the kit: its message says what went wrong and
 * what to do about it, so a command prints it as it is, on one line and without a stack
 * trace (scripts/lib/runMain.ts). Anything else that reaches a command is a bug.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
}
