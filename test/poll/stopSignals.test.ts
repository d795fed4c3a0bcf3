import { spawnSync } from 'node:child_process'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const script = fileURLToPath(new URL('./support/signalledStop.ts', import.meta.url))

describe('stopping the kit', () => {
  // SIGINT is covered by the CLI tests; these are what Windows sends instead of SIGTERM.
  it.each(['SIGBREAK', 'SIGHUP'])('runs the shutdown that commits queued votes once on %s (Ctrl-Break, closed console)', (signal) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, signal], { encoding: 'utf8', timeout: 30_000 })
    expect({ status: child.status, stdout: child.stdout, stderr: child.stderr })
      .toEqual({ status: 0, stdout: `shutdown on ${signal}\nstopped\n`, stderr: '' })
  })
})
