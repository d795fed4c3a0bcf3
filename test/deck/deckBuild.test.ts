import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sections } from '../../content/sections'
import { KIT_ROOT, SLIDEV_BIN } from '../../lib/kitPaths'

describe('slidev build', () => {
  const out = mkdtempSync(join(tmpdir(), 'deck-build-'))
  let result: ReturnType<typeof spawnSync>

  beforeAll(() => {
    result = spawnSync(process.execPath, [SLIDEV_BIN, 'build', 'slides.md', '--out', out], {
      cwd: KIT_ROOT,
      encoding: 'utf8',
      timeout: 200_000,
    })
  })
  afterAll(() => rmSync(out, { recursive: true, force: true }))

  it('produces a static single-page app', () => {
    expect(result.status, String(result.stderr)).toBe(0)
    expect(existsSync(join(out, 'index.html'))).toBe(true)
  })

  it('bundles every section of the deck', () => {
    const assets = readdirSync(join(out, 'assets')).filter(name => name.endsWith('.js'))
    const bundled = assets.map(name => readFileSync(join(out, 'assets', name), 'utf8')).join('\n')
    for (const section of sections)
      expect(bundled).toContain(section.title)
  })
})
