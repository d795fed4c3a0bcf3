/**
 * One step of a scenario test whose steps build on each other (one session, one room):
 * a failure names the step it happened in.
 */
export async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run()
  }
  catch (error) {
    if (error instanceof Error) {
      const original = error.message
      error.message = `${name}: ${original}`
      if (error.stack)
        error.stack = error.stack.replace(original, error.message)
    }
    throw error
  }
}
