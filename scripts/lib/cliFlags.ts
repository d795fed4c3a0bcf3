// The flags several commands share, declared once (name, type, short form), and one way to
// parse a command's flags with node:util parseArgs, whose types give each command its
// values without casts.
import type { ParseArgsOptionsConfig } from 'node:util'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { UserFacingError } from '../../lib/userFacingError'

const SHARED_FLAGS = {
  'help': { type: 'boolean', short: 'h', default: false },
  'out': { type: 'string', short: 'o' },
  'plan': { type: 'string' },
  'scenarios': { type: 'string' },
  'data-dir': { type: 'string' },
  'session': { type: 'string' },
} as const satisfies ParseArgsOptionsConfig

type SharedFlag = keyof typeof SHARED_FLAGS

/** The shared flags a command takes, by name, to spread into its options. */
export function sharedFlags<K extends SharedFlag>(...names: K[]): Pick<typeof SHARED_FLAGS, K> {
  const picked: Partial<Record<SharedFlag, ParseArgsOptionsConfig[string]>> = {}
  for (const name of names)
    picked[name] = SHARED_FLAGS[name]
  return picked as Pick<typeof SHARED_FLAGS, K>
}

/**
 * Parses a command's flags (no positional arguments). An unknown flag or a missing value
 * is a UserFacingError with parseArgs' own message, so it prints as one line.
 */
export function parseFlags<O extends ParseArgsOptionsConfig>(options: O, args: string[] = process.argv.slice(2)) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values
  }
  catch (error) {
    if (error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS_'))
      throw new UserFacingError(error.message)
    throw error
  }
}
