import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadScenarioLibrary } from '../../content/loadScenarios'
import { formatIssues, ScenarioLibraryError } from '../../content/scenarioLibraryError'
import { definitionsFromLibrary } from '../../poll/server/pollCatalog'

const scale = `kind: scale
id: where-now
section: careers
title: Where are you?
question: Where are you today?
max: 7
minLabel: Visionary
maxLabel: Executor
debrief: [Did you move?]
minutes: 3
`
const open = `kind: open
id: one-word
section: responsibilities
title: One word
question: One word for the job.
maxAnswers: 2
debrief: [Which words surprise you?]
minutes: 3
`

let dir: string | undefined
afterEach(() => {
  if (dir)
    rmSync(dir, { recursive: true, force: true })
})

/** The valid fixture library plus these files, with the index placing the extra ids. */
function library(files: Record<string, string>, index = 'responsibilities:\n  - one-word\n  - late-delivery\ncareers:\n  - first-step\n  - where-now\n'): string {
  dir = mkdtempSync(join(tmpdir(), 'kinds-'))
  cpSync('test/fixtures/scenarios/valid', dir, { recursive: true })
  writeFileSync(join(dir, 'index.yaml'), index)
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, name), text)
  return dir
}

function problems(path: string): string[] {
  try {
    loadScenarioLibrary(path)
  }
  catch (error) {
    if (error instanceof ScenarioLibraryError)
      return formatIssues(error.issues).split('\n').map(line => line.replace(/^.*kinds-[^/\\]+/, '{dir}'))
    throw error
  }
  throw new Error('expected an invalid library')
}

describe('scale and open polls in the scenario library', () => {
  it('are read with their own schemas, kept apart from the choice scenarios, and placed by the index', () => {
    const loaded = loadScenarioLibrary(library({ 'where-now.yaml': scale, 'one-word.yaml': open }))
    expect(loaded.scenarios.map(scenario => scenario.id)).toEqual(['late-delivery', 'first-step'])
    expect(loaded.prompts).toMatchObject([{ kind: 'open', id: 'one-word', maxAnswers: 2 }, { kind: 'scale', id: 'where-now', min: 1, max: 7 }])
    expect(loaded.sections.find(section => section.id === 'careers')).toMatchObject({ scenarioIds: ['first-step'], pollIds: ['first-step', 'where-now'] })
    expect(definitionsFromLibrary(loaded).map(poll => [poll.id, poll.kind])).toEqual([['one-word', 'open'], ['late-delivery', 'choice'], ['first-step', 'choice'], ['where-now', 'scale']])
  })

  it('report located errors: a scale without room, a misspelt field, an unknown kind', () => {
    const path = library({
      'where-now.yaml': scale.replace('max: 7', 'max: 10\nmin: -1'),
      'one-word.yaml': open.replace('maxAnswers: 2', 'maxAnswer: 2'),
      'first-step.yaml': 'kind: poll\n',
    })
    const lines = problems(path)
    expect(lines).toContain('{dir}/where-now.yaml:6:6  max: gives 12 points; keep it to 10 so every point fits a phone screen')
    expect(lines).toContain('{dir}/one-word.yaml:6:1  maxAnswer: unknown field; did you mean "maxAnswers"?')
    expect(lines).toContain('{dir}/first-step.yaml:1:7  kind: is not a poll kind; use choice, scale or open (or remove it for a choice scenario)')
  })
})
