import { mkdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { displayPath } from '../lib/displayPath.ts'
import { UserFacingError } from '../lib/userFacingError.ts'

/** Why a directory cannot take the documents, in words, from a Node error code. */
function reason(code: string | undefined): string {
  switch (code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return 'a file is in the way of that directory'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    default:
      return code ?? 'unknown error'
  }
}

/**
 * Creates `dir` if needed and proves it takes a file; throws one readable line when it does not.
 * Returns a cleanup that removes the folder again if this call created it and it is still empty.
 */
export function prepareOutputDir(dir: string): () => void {
  const probe = join(dir, `.handouts-probe-${process.pid}`)
  let created: string | undefined
  try {
    created = mkdirSync(dir, { recursive: true })
    writeFileSync(probe, '')
    rmSync(probe, { force: true })
    return () => {
      try {
        if (created !== undefined)
          rmdirSync(dir)
      }
      catch {
        // Not empty, or already gone: leave it.
      }
    }
  }
  catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserFacingError(`Cannot write to the output directory ${displayPath(dir)}: ${reason(code)}. Choose another directory with --out DIR.`)
  }
}
