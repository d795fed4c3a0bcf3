import { Buffer } from 'node:buffer'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { formatIssues, ScenarioLibraryError } from '../../content/scenarioLibraryError'

const fixtures = 'test/fixtures/scenarios'

/** Loads a library that must be invalid and returns its formatted problem lines. */
function problems(dir: string): string[] {
  try {
    loadScenarioLibrary(dir)
  }
  catch (error) {
    if (error instanceof ScenarioLibraryError)
      return formatIssues(error.issues).split('\n')
    throw error
  }
  throw new Error(`expected ${dir} to be invalid`)
}

// Each fixture is a tiny library with one deliberate mistake; `{dir}` stands for the fixture folder.
const cases: Record<string, string[]> = {
  'malformed-yaml': [
    '{dir}/late-delivery.yaml:3:8  invalid YAML: Nested mappings are not allowed in compact mappings (text containing ": " must be in quotes)',
  ],
  'wrong-type': [
    '{dir}/late-delivery.yaml:9:10  minutes: expected a number, got text',
  ],
  'wrong-root-type': [
    '{dir}/late-delivery.yaml:1:1  expected a mapping of fields (key: value), got a list',
  ],
  'unknown-key': [
    '{dir}/late-delivery.yaml:1:1  rationale: is required',
    '{dir}/late-delivery.yaml:6:1  rationel: unknown field; did you mean "rationale"?',
  ],
  'missing-rationale': [
    '{dir}/late-delivery.yaml:1:1  rationale: is required',
  ],
  'dangling-answer': [
    '{dir}/late-delivery.yaml:5:9  answer: "Project lead" is not one of the choices; use one of: "Product manager", "Project manager", "Both, together"',
  ],
  'unknown-section': [
    '{dir}/late-delivery.yaml:2:10  section: "responsibility" is not a section; did you mean "responsibilities"?',
  ],
  'empty-choices': [
    '{dir}/late-delivery.yaml:10:10  choices: is empty; give 2 to 6 choices, or remove the field to use the defaults',
  ],
  'too-long-situation': [
    '{dir}/late-delivery.yaml:4:12  situation: is 347 characters; keep it within 280 so it reads on a phone in 15 seconds',
  ],
  'empty-file': [
    '{dir}/late-delivery.yaml:1:1  is empty; a scenario needs id, section, title, situation, answer, rationale, debrief and minutes',
  ],
  'duplicate-id': [
    '{dir}/late-delivery-copy.yaml:1:5  id: "late-delivery" is already the id of {dir}/late-delivery.yaml; ids must be unique, so use "late-delivery-copy" to match this file\'s name',
  ],
  'id-mismatch': [
    '{dir}/late-delivery.yaml:1:5  id: "steel-delivery-late" does not match the file name; use "late-delivery", or rename the file to steel-delivery-late.yaml and update index.yaml',
  ],
  'index-missing-file': [
    '{dir}/index.yaml:3:5  responsibilities.1: has no scenario file; create {dir}/ghost-scenario.yaml or remove this entry',
  ],
  'unlisted-file': [
    '{dir}/draft-idea.yaml:1:1  is not listed in index.yaml; add "draft-idea" under its section, or delete the file',
  ],
  'section-mismatch': [
    '{dir}/late-delivery.yaml:2:10  section: is "responsibilities" but index.yaml lists this scenario under "careers"; make them match',
  ],
  'index-duplicate-entry': [
    '{dir}/index.yaml:4:5  skills.0: "late-delivery" is already listed at line 2; list each scenario once',
  ],
  'index-unknown-section': [
    '{dir}/index.yaml:3:1  skill: unknown section; did you mean "skills"?',
  ],
  'index-out-of-order': [
    '{dir}/index.yaml:3:1  responsibilities: is listed after "skills"; keep sections in teaching order: defining-roles, responsibilities, skills, collaboration, careers',
  ],
}

describe('bad scenario input', () => {
  it.each(Object.entries(cases))('locates the problem in %s exactly', (name, expected) => {
    const dir = `${fixtures}/${name}`
    expect(problems(dir)).toEqual(expected.map(line => line.replaceAll('{dir}', dir)))
  })

  it('carries each problem as a typed issue object', () => {
    const error = (() => {
      try {
        loadScenarioLibrary(`${fixtures}/wrong-type`)
      }
      catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(ScenarioLibraryError)
    expect((error as ScenarioLibraryError).issues).toEqual([{
      file: `${fixtures}/wrong-type/late-delivery.yaml`,
      line: 9,
      col: 10,
      path: 'minutes',
      message: 'expected a number, got text',
    }])
  })

  it('points at the first byte of a file that is not UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-latin1-'))
    try {
      writeFileSync(join(dir, 'index.yaml'), 'responsibilities:\n  - cafe-fit-out\n')
      const latin1Title = Buffer.concat([Buffer.from('id: cafe-fit-out\ntitle: Caf'), Buffer.from([0xE9]), Buffer.from(' fit-out runs late\n')])
      writeFileSync(join(dir, 'cafe-fit-out.yaml'), latin1Title)
      const file = relative(process.cwd(), join(dir, 'cafe-fit-out.yaml'))
      expect(problems(dir)).toEqual([`${file}:2:11  is not UTF-8 text (byte 0xE9); save the file as UTF-8`])
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('reports a missing folder as a missing index', () => {
    expect(problems(`${fixtures}/no-such-folder`)).toEqual([`${fixtures}/no-such-folder/index.yaml:1:1  file not found`])
  })

  it('reports every problem in one pass, grouped by file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenarios-many-'))
    try {
      writeFileSync(join(dir, 'index.yaml'), 'responsibilities:\n  - one-problem\n  - missing\n')
      writeFileSync(join(dir, 'one-problem.yaml'), 'id: one-problem\nsection: skills\ntitle: T\nsituation: S\nanswer: Project manager\nrationale: R\ndebrief: [Q?]\nminutes: 20\n')
      const shown = (name: string) => relative(process.cwd(), join(dir, name))
      expect(problems(dir)).toEqual([
        `${shown('index.yaml')}:3:5  responsibilities.1: has no scenario file; create ${shown('missing.yaml')} or remove this entry`,
        `${shown('one-problem.yaml')}:8:10  minutes: is 20; keep discussion of one scenario within 15 minutes`,
      ])
    }
    finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
