import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

const churn = fileURLToPath(new URL('./support/storeChurn.ts', import.meta.url))

let dataDir: string
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'poll-store-gc-'))
})
afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

describe('poll store under garbage collection', () => {
  it('survives stores and statements being collected while open, in a child process', () => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', churn, dataDir, '200'], {
      encoding: 'utf8',
      timeout: 120_000,
    })
    // An abort shows as signal SIGABRT (exit 134 in a shell) with the assertion on stderr.
    expect({ status: child.status, signal: child.signal, stderr: child.stderr }).toEqual({ status: 0, signal: null, stderr: '' })
    expect(child.stdout).toContain('churned 200 stores')
  })
})
