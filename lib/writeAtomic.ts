import { Buffer } from 'node:buffer'
// The one way the kit replaces a file: a temp file in the same folder, flushed to disk,
// renamed over the target, then the folder flushed, so a crash or power cut leaves
// either the old file or the complete new one, never a torn or empty one.
import { randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import process from 'node:process'

export interface AtomicWriteOptions {
  /** File mode of the new file (e.g. 0o600 for a secret); the default honours the umask. */
  mode?: number
}

function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
}

/** Flushes a folder's entry list so the rename itself survives a power cut; Windows cannot open folders, and NTFS journals renames. */
function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32')
    return
  const fd = openSync(dir, 'r')
  try {
    fsyncSync(fd)
  }
  finally {
    closeSync(fd)
  }
}

/** Writes `data` to `path` atomically and durably. */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const temp = tempPathFor(path)
  try {
    const handle = await open(temp, 'wx', options.mode ?? 0o666)
    try {
      await handle.writeFile(data)
      await handle.sync()
    }
    finally {
      await handle.close()
    }
    await rename(temp, path)
  }
  catch (error) {
    await rm(temp, { force: true })
    throw error
  }
  fsyncDirectory(dirname(path))
}

/** The same, synchronously: for start-up paths that must finish before anything else runs. */
export function writeFileAtomicSync(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const temp = tempPathFor(path)
  try {
    const fd = openSync(temp, 'wx', options.mode ?? 0o666)
    try {
      writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data)
      fsyncSync(fd)
    }
    finally {
      closeSync(fd)
    }
    renameSync(temp, path)
  }
  catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
  fsyncDirectory(dirname(path))
}
