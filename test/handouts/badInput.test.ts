import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { handoutsMain } from '../../scripts/lib/handoutsCli'
import { runInProcess } from '../support/runInProcess'
import { runScript } from '../support/runScript'

const FIXTURE = 'test/fixtures/results/session-results.json'
const work = mkdtempSync(join(tmpdir(), 'handouts-bad-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

let counter = 0
/** Runs the handouts command (in-process) into a fresh output folder and reports what it left there. */
async function handouts(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = join(work, `out-${++counter}`)
  const result = await runInProcess(handoutsMain, ['--out', out, ...args], env)
  return { ...result, out, left: existsSync(out) ? readdirSync(out) : [] }
}

/** Writes a results file next to the test's output folders. */
function resultsFile(name: string, content: string): string {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

function fixtureWith(change: (data: any) => void): string {
  const data = JSON.parse(readFileSync(FIXTURE, 'utf8'))
  change(data)
  return JSON.stringify(data)
}

describe('npm run handouts with bad input', () => {
  it('prints the scenario check\'s located messages for an invalid library', async () => {
    const result = await handouts(['--scenarios', 'test/fixtures/scenarios/dangling-answer'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('✖ Scenario library has 1 problem:\n'
      + 'test/fixtures/scenarios/dangling-answer/late-delivery.yaml:5:9  answer: "Project lead" is not one of the choices; use one of: "Product manager", "Project manager", "Both, together"\n')
    expect(result.stdout).toBe('')
    expect(existsSync(result.out)).toBe(false)
  })

  it('rejects a results file that is not JSON', async () => {
    const file = resultsFile('not-json.json', 'votes: lots\n')
    const result = await handouts(['--results', file])
    let parseError = ''
    try {
      JSON.parse('votes: lots\n')
    }
    catch (error) {
      parseError = (error as Error).message.replace(/\s+/g, ' ').trim()
    }
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`✖ Results file ${file} is not JSON (${parseError}); use the file that npm run results -- --session NAME writes.\n`)
    expect(result.left).toEqual([])
  })

  it('rejects JSON that is not a results export', async () => {
    const file = resultsFile('other.json', '{"name": "pm-vs-pm-workshop"}')
    const result = await handouts(['--results', file])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`✖ Results file ${file} is not a poll results export (it lacks "format": "pm-workshop-poll-results"); use the file that npm run results -- --session NAME writes.\n`)
    expect(result.left).toEqual([])
  })

  it('rejects a results export of the wrong shape, naming the field', async () => {
    const file = resultsFile('wrong-shape.json', fixtureWith((data) => {
      data.polls[4].rounds[1].counts = [3, 4]
    }))
    const result = await handouts(['--results', file])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`✖ Results file ${file} does not have the shape of a poll results export: polls.4.rounds.1.counts: has 2 counts for 4 choices; polls.4.rounds.1.voters: is not the sum of the counts.\n`)
    expect(result.left).toEqual([])
  })

  it('rejects results from another scenario set (unknown ids)', async () => {
    const file = resultsFile('other-set.json', fixtureWith((data) => {
      data.polls[0].id = 'roadmap-question'
      data.polls[2].id = 'late-delivery'
    }))
    const result = await handouts(['--results', file])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`✖ Results file ${file} has polls that the scenario library does not have: "roadmap-question", "late-delivery". It comes from another scenario set; pass that set with --scenarios DIR.\n`)
    expect(result.left).toEqual([])
  })

  it('says the results file is missing', async () => {
    const file = join(work, 'never-exported.json')
    const result = await handouts(['--results', file])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`✖ Results file ${file} does not exist; export one with: npm run results -- --session NAME --out ${file}\n`)
  })

  it('needs --results for --only report', async () => {
    const result = await handouts(['--only', 'report'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('✖ --only report needs --results FILE: the JSON that npm run results -- --session NAME writes.\n')
    expect(existsSync(result.out)).toBe(false)
  })

  it('refuses an output directory it cannot write to', async () => {
    const blocker = resultsFile('a-file', 'not a folder')
    const result = await runInProcess(handoutsMain, ['--out', join(blocker, 'handouts'), '--format', 'html'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(`✖ Cannot write to the output directory ${join(blocker, 'handouts')}: a file is in the way of that directory. Choose another directory with --out DIR.\n`)
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder')
  })

  it('says how to get a browser when none is found, before writing anything', async () => {
    const result = await handouts([], { CHROME_PATH: '/nowhere/chrome' })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('✖ CHROME_PATH is set to "/nowhere/chrome", but no file exists there. Point CHROME_PATH at a Chrome, Chromium or Edge executable, or unset it to let the kit look in the usual places.\n')
    expect(existsSync(result.out)).toBe(false)
  })

  it('leaves nothing behind when the browser will not start', async () => {
    const result = await handouts(['--format', 'both'], { CHROME_PATH: '/bin/false' })
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^✖ The browser at \/bin\/false did not start \(.+\)\. Set CHROME_PATH to a working Chrome, Chromium or Edge\.\n$/)
    expect(existsSync(result.out)).toBe(false)
  })

  it('keeps the files of an earlier run when a later run fails', async () => {
    const out = join(work, 'kept')
    const first = await runInProcess(handoutsMain, ['--out', out, '--format', 'html', '--only', 'participant'])
    expect(first.code).toBe(0)
    const before = readFileSync(join(out, 'participant.html'), 'utf8')
    const second = await runInProcess(handoutsMain, ['--out', out, '--only', 'participant'], { CHROME_PATH: '/bin/false' })
    expect(second.code).toBe(1)
    expect(readdirSync(out)).toEqual(['participant.html'])
    expect(readFileSync(join(out, 'participant.html'), 'utf8')).toBe(before)
  })

  it.each([
    [['--format', 'docx'], '✖ --format "docx" is not known; use html, pdf, both.\n'],
    [['--paper', 'a5'], '✖ --paper "a5" is not known; use a4, letter.\n'],
    [['--only', 'slides'], '✖ --only "slides" is not known; use participant, answers, facilitator, report.\n'],
  ])('rejects %j with one line', async (args, message) => {
    const result = await handouts(args)
    expect(result.code).toBe(1)
    expect(result.stderr).toBe(message)
    expect(existsSync(result.out)).toBe(false)
  })

  it('rejects an unknown plan, naming the plans there are', async () => {
    const result = await handouts(['--plan', '45', '--format', 'html'])
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('✖ Session plans have 1 problem:\nplans/session-plans.yaml:1:1  has no plan "45"; use one of: 60, 90\n')
    expect(existsSync(result.out)).toBe(false)
  })

  // The one run of the real script: its exit code, and one line with no stack trace.
  it('rejects an unknown flag without a stack trace', async () => {
    const result = await runScript('scripts/handouts.ts', ['--out', join(work, 'out-flag'), '--paper-size', 'a4'], {}, 60_000)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^✖ Unknown option '--paper-size'/)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})
