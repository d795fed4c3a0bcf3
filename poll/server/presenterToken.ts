// The presenter token: 256 random bits in a file only the trainer's account can read.
// It lets a socket open, close, reveal and reset polls, so it never goes to a phone.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFileAtomicSync } from '../../lib/writeAtomic'

/** The token's file inside the data directory (git-ignored with it). */
export const TOKEN_FILE_NAME = 'presenter-token'

const TOKEN_PATTERN = /^[\w-]{43,}$/

/** Creates a token: 32 random bytes, base64url (43 characters). */
export function createPresenterToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * Reads `<dataDir>/presenter-token`, creating it (mode 0600) on first use. Keeping it
 * across restarts lets an open deck reconnect after the server restarts.
 */
export function loadOrCreatePresenterToken(dataDir: string): string {
  const file = join(dataDir, TOKEN_FILE_NAME)
  try {
    const existing = readFileSync(file, 'utf8').trim()
    if (TOKEN_PATTERN.test(existing))
      return existing
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
      throw error
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const token = createPresenterToken()
  writeFileAtomicSync(file, `${token}\n`, { mode: 0o600 })
  return token
}

/**
 * Compares two secrets in constant time. Hashing first makes the buffers equal in
 * length, so not even the length of the expected value leaks.
 */
export function secretsMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest()
  const b = createHash('sha256').update(expected).digest()
  return timingSafeEqual(a, b)
}
