import type { TestServer } from './support/testServer'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CSV_COLUMNS, csvCell, resultsToCsv } from '../../poll/results/resultsCsv'
import { sessionResultsSchema } from '../../poll/results/resultsFormat'
import { resultsMain } from '../../scripts/lib/resultsCli'
import { runInProcess } from '../support/runInProcess'
import { runScript } from '../support/runScript'
import { startTestServer } from './support/testServer'
import { randomDevice, TestSocket } from './support/testSocket'

let t: TestServer
const devices = Array.from({ length: 4 }, () => randomDevice())
beforeAll(async () => {
  t = await startTestServer()
  const deck = await TestSocket.presenter(t.wsUrl, t.token)
  const phones = await Promise.all(devices.map(device => TestSocket.participant(t.wsUrl, t.code, device)))
  await deck.control('open', 'roadmap-question')
  await Promise.all(phones.map((phone, index) => phone.vote('roadmap-question', 1, index < 3 ? 1 : 0)))
  await deck.control('close', 'roadmap-question')
  await deck.control('next-round', 'roadmap-question')
  await Promise.all(phones.map((phone, index) => phone.vote('roadmap-question', 2, index < 3 ? 0 : 2)))
  await deck.control('reveal', 'roadmap-question')
  await deck.control('open', 'formula-title')
  await phones[0]!.vote('formula-title', 1, 2)
  phones.forEach(phone => phone.close())
  deck.close()
}, 15_000)
afterAll(() => t.stop())

const results = (...args: string[]) => runInProcess(resultsMain, ['--data-dir', t.dataDir, ...args])

describe('npm run results', () => {
  it('exports a session as JSON in the documented shape, counts only', async () => {
    const { code, stdout } = await results('--session', 'test-session')
    expect(code).toBe(0)
    const parsed = sessionResultsSchema.parse(JSON.parse(stdout))
    expect(parsed.polls.map(poll => [poll.id, poll.status, poll.rounds])).toEqual([
      ['roadmap-question', 'revealed', [{ round: 1, voters: 4, counts: [1, 3, 0], excludedVotes: 0 }, { round: 2, voters: 4, counts: [3, 0, 1], excludedVotes: 0 }]],
      ['formula-title', 'open', [{ round: 1, voters: 1, counts: [0, 0, 1], excludedVotes: 0 }]],
    ])
    expect(parsed.polls[0]).toMatchObject({ answer: 'Product manager', answerIndex: 0, choices: ['Product manager', 'Project manager', 'Both, together'] })
    for (const device of devices)
      expect(stdout).not.toContain(device)
  })

  it('exports CSV with formula-like cells escaped, to a file when asked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poll-results-'))
    try {
      const out = join(dir, 'results.csv')
      const { code, stdout } = await results('--session', 'latest', '--format', 'csv', '--out', out)
      expect(code).toBe(0)
      expect(stdout).toContain('2 polls, 9 votes')
      const csv = readFileSync(out, 'utf8')
      expect(csv.split('\r\n')[0]).toBe('\uFEFFsession,poll,title,round,choice_index,choice,is_answer,votes,voters,percent,excluded_votes,kind,median,approved')
      expect(csv).toContain('test-session,roadmap-question,Is it on the roadmap?,1,1,Project manager,false,3,4,75,0,choice,,\r\n')
      expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")",1,0,\'-one,false,0,1,0')
      expect(csv).toContain(',1,1,\'@two,false,0,1,0')
      expect(csv).toContain(',1,2,"three, with ""quotes""",true,1,1,100')
      expect(existsSync(`${out}.tmp`)).toBe(false)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('says which sessions exist when none or a wrong one is named', async () => {
    const missing = await results()
    expect([missing.code, missing.stderr]).toEqual([1, expect.stringContaining('Sessions: test-session')])
    const wrong = await results('--session', 'no-such-session')
    expect([wrong.code, wrong.stderr]).toEqual([1, expect.stringContaining('known sessions: test-session')])
    const list = await results('--list')
    expect(list.stdout).toMatch(/^test-session\t.*\t2 polls\t9 votes$/m)
  })

  it('refuses to write the export into the data directory, and the votes stay readable', async () => {
    for (const target of [join(t.dataDir, 'polls.sqlite'), join(t.dataDir, 'presenter-token'), join(t.dataDir, 'new.csv'), join(t.dataDir, '..', basename(t.dataDir), 'x.csv')]) {
      const before = existsSync(target) ? readFileSync(target) : undefined
      const { code, stderr } = await results('--session', 'latest', '--format', 'csv', '--out', target, '--force')
      expect(code, target).toBe(1)
      expect(stderr, target).toContain('is inside the poll data directory')
      expect(existsSync(target) ? readFileSync(target) : undefined, target).toEqual(before)
    }
    expect(t.storedVotes()).toBe(9)
  })

  it('does not replace an existing file unless --force, and says where it wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'poll-results-'))
    try {
      const out = join(dir, 'results.json')
      writeFileSync(out, 'my notes')
      const refused = await results('--session', 'latest', '--out', out)
      expect([refused.code, refused.stderr]).toEqual([1, expect.stringContaining('already exists; choose another --out, or pass --force to replace it')])
      expect(readFileSync(out, 'utf8')).toBe('my notes')
      const forced = await results('--session', 'latest', '--out', out, '--force')
      expect(forced.code).toBe(0)
      expect(forced.stdout).toContain('written to')
      expect(JSON.parse(readFileSync(out, 'utf8')).polls).toHaveLength(2)
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  // The one run of the real script: its exit code, and one line with no stack trace.
  it('explains a data directory without poll data', async () => {
    const { code, stderr } = await runScript('scripts/results.ts', ['--data-dir', join(tmpdir(), 'no-poll-data-here'), '--session', 'x'])
    expect(code).toBe(1)
    expect(stderr).toContain('No poll data in')
    expect(stderr.trim().split('\n')).toHaveLength(1)
  })
})

describe('the results CSV', () => {
  it.each([
    ['=1+1', '\'=1+1'],
    ['+1', '\'+1'],
    ['-1', '\'-1'],
    ['@SUM(A1)', '\'@SUM(A1)'],
    ['\tx', '"\'\tx"'],
    ['a;b', '"a;b"'],
    ['tab\tinside', '"tab\tinside"'],
    ['\rline', '"\'\rline"'],
    ['two\nlines', '"two\nlines"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=a,"b"', '"\'=a,""b"""'],
    [42, '42'],
    ['plain', 'plain'],
  ])('escapes %j as %j', (input, expected) => expect(csvCell(input)).toBe(expected))

  it('writes a header row even for a session without polls', () => {
    expect(resultsToCsv({ format: 'pm-workshop-poll-results', version: 1, exportedAt: new Date().toISOString(), session: { id: 's', createdAt: new Date().toISOString() }, polls: [] }).split('\r\n')).toHaveLength(2)
  })

  it('gives equal counts equal percentages, as the slide does', () => {
    const poll = { id: 'p', title: 'T', question: 'Q', choices: ['A', 'B', 'C'], answer: 'A', answerIndex: 0, status: 'revealed' as const, rounds: [{ round: 1, voters: 3, counts: [1, 1, 1], excludedVotes: 0 }] }
    const csv = resultsToCsv({ format: 'pm-workshop-poll-results', version: 1, exportedAt: new Date().toISOString(), session: { id: 's', createdAt: new Date().toISOString() }, polls: [poll] })
    expect(csv.split('\r\n').slice(1, 4).map(row => row.split(',')[CSV_COLUMNS.indexOf('percent')])).toEqual(['33', '33', '33'])
  })
})
