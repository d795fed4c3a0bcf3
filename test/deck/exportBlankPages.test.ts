// `npm run export` checks the PDF Slidev wrote: on a busy machine Slidev can print the deck
// before its slides have drawn, and a trainer would carry blank pages to the room.
import type { SlidevRunner } from '../../scripts/lib/exportCli'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { afterAll, describe, expect, it } from 'vitest'
import { blankPages } from '../../lib/pdfText'
import { createExportMain } from '../../scripts/lib/exportCli'
import { runInProcess } from '../support/runInProcess'
import { tinyPdf } from '../support/tinyPdf'

const dir = mkdtempSync(join(tmpdir(), 'export-blank-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A Slidev that writes these page texts on successive runs, recording its arguments. */
function fakeSlidev(...runs: string[][]): { runner: SlidevRunner, calls: string[][] } {
  const calls: string[][] = []
  const runner: SlidevRunner = async (args) => {
    calls.push(args)
    const output = args[args.indexOf('--output') + 1]!
    writeFileSync(output, tinyPdf(runs[calls.length - 1] ?? runs.at(-1)!))
    return 0
  }
  return { runner, calls }
}

// Any existing file will do as the browser: the fake Slidev never starts it.
const env = { CHROME_PATH: process.execPath }

describe('npm run export and blank pages', () => {
  it('finds the pages with no text', async () => {
    const file = join(dir, 'mixed.pdf')
    writeFileSync(file, tinyPdf(['Product manager', '', 'Project manager', '']))
    expect(await blankPages(file)).toEqual([2, 4])
  })

  it('exports once, waiting for the network to go quiet, when every page has text', async () => {
    const { runner, calls } = fakeSlidev(['Who owns the why?', 'Who owns the when?'])
    const result = await runInProcess(createExportMain(runner), ['--output', join(dir, 'good.pdf')], env)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^✓ Deck PDF written to .*good\.pdf/)
    expect(calls).toHaveLength(1)
    expect(calls[0]).toEqual(expect.arrayContaining(['--wait-until', 'networkidle']))
    expect(calls[0]).not.toContain('--wait')
  })

  it('exports again with time to draw when pages came out blank, and says so', async () => {
    const { runner, calls } = fakeSlidev(['', '', ''], ['Slide one', 'Slide two', 'Slide three'])
    const result = await runInProcess(createExportMain(runner), ['--output', join(dir, 'retried.pdf')], env)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Pages 1–3 came out blank: the browser printed before the slides had drawn. Exporting again, giving them 3 s…')
    expect(result.stdout).toContain('✓ Deck PDF written to')
    expect(calls).toHaveLength(2)
    expect(calls[1]!.slice(-2)).toEqual(['--wait', '3000'])
  })

  it('fails with what to do when the second try is still blank', async () => {
    const { runner, calls } = fakeSlidev(['Title', '', 'Close', ''])
    const result = await runInProcess(createExportMain(runner), ['--output', join(dir, 'blank.pdf')], env)
    expect(result.code).toBe(1)
    expect(calls).toHaveLength(2)
    expect(result.stderr).toMatch(/^✖ Pages 2 and 4 of .*blank\.pdf came out blank: the browser printed before the slides had drawn\. Close other busy programs, or give the slides longer with --wait 10000, and export again\.\n$/)
    expect(result.stdout).not.toContain('✓')
  })

  it('passes a --wait through, and rejects one that is not a number of milliseconds', async () => {
    const { runner, calls } = fakeSlidev(['Slide'])
    expect((await runInProcess(createExportMain(runner), ['--output', join(dir, 'waited.pdf'), '--wait', '5000'], env)).code).toBe(0)
    expect(calls[0]!.slice(-2)).toEqual(['--wait', '5000'])

    const bad = await runInProcess(createExportMain(runner), ['--output', join(dir, 'never.pdf'), '--wait', '2s'], env)
    expect(bad.code).toBe(1)
    expect(bad.stderr).toBe('✖ --wait must be a whole number of milliseconds from 0 to 60000, not "2s".\n')
    expect(calls).toHaveLength(1)
  })
})
