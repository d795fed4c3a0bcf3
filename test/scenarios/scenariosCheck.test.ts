import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { scenariosCheckMain } from '../../scripts/lib/scenariosCheckCli'
import { runInProcess } from '../support/runInProcess'

/** Runs the real CLI, as `npm run scenarios:check` does. */
function checkScript(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scenarios-check.ts', ...args], { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Runs the command's main in-process, with the same output and exit code. */
async function check(...args: string[]) {
  const result = await runInProcess(scenariosCheckMain, args)
  return { status: result.code, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run scenarios:check', () => {
  it('prints a one-line summary each for the shipped library and plans, and exits 0', async () => {
    const { status, stdout, stderr } = await check()
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' })
    expect(stdout).toMatch(/^✓ \d+ scenarios, 1 scale poll and 2 open polls in 5 sections valid \(scenarios[\\/]index\.yaml\)\n✓ session plans valid \(plans[\\/]session-plans\.yaml; 60: [\d.]+ of 60 min, \d+ polls · 90: [\d.]+ of 90 min, \d+ polls\)\n$/)
  })

  it('prints located problems without a stack trace and exits 1', async () => {
    const dir = 'test/fixtures/scenarios/unknown-key'
    const { status, stdout, stderr } = await check('--dir', dir)
    expect(status).toBe(1)
    expect(stdout).toBe('')
    expect(stderr).toBe([
      `${join(dir, 'late-delivery.yaml')}:1:1  rationale: is required`,
      `${join(dir, 'late-delivery.yaml')}:6:1  rationel: unknown field; did you mean "rationale"?`,
      '✗ 2 problems in the scenario library',
      '',
    ].join('\n'))
  })

  it('warns, located and still exiting 0, when answers cluster on one position or a title or question names the answer', async () => {
    const dir = 'test/fixtures/scenarios/giveaways'
    const { status, stdout, stderr } = await check('--dir', dir)
    expect(status).toBe(0)
    expect(stdout).toBe(`✓ 5 scenarios in 1 section valid, 4 warnings (${join(dir, 'index.yaml')})\n`)
    const reword = 'phones show this line, so reword it to describe the situation, not the owner'
    expect(stderr).toBe([
      `${join(dir, 'index.yaml')}:3:1  warning: responsibilities: the answer is choice 1 in 4 of 5 scenarios (80%: late-steel, roadmap-request, supplier-schedule, outage-at-midnight); keep each position within 40% by varying the order of choices`,
      `${join(dir, 'roadmap-request.yaml')}:3:8  warning: title: "roadmap" points at the answer "Product manager"; ${reword}`,
      `${join(dir, 'supplier-schedule.yaml')}:5:11  warning: question: "schedule" points at the answer "Project manager"; ${reword}`,
      `${join(dir, 'outage-at-midnight.yaml')}:3:8  warning: title: "incident" points at the answer "Incident lead"; ${reword}`,
      '',
    ].join('\n'))
  })

  // The one run of the real script: its exit code, and one line with no stack trace.
  it('turns an unexpected error into one line and exits 1', () => {
    const { status, stderr } = checkScript('--no-such-flag')
    expect(status).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/^✗ Unknown option '--no-such-flag'/)
  })
})
