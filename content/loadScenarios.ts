import type { Prompt } from './promptSchema.ts'
import type { LibraryItem, ScenarioFileContext } from './readScenarioFile.ts'
import type { ScenarioIssue } from './scenarioLibraryError.ts'
import type { Scenario } from './scenarioSchema.ts'
import type { Section, SectionId } from './sections.ts'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import process from 'node:process'
import { KIT_ROOT } from '../lib/kitPaths.ts'
import { isPrompt, readScenarioFile } from './readScenarioFile.ts'
import { readScenarioIndex } from './readScenarioIndex.ts'
import { ScenarioLibraryError } from './scenarioLibraryError.ts'
import { sections } from './sections.ts'

/**
 * A workshop section with the ids of its choice scenarios, in index order, and of every
 * poll it places (scenarios, scale and open polls), in index order.
 */
export type LibrarySection = Section & { scenarioIds: string[], pollIds: string[] }

/** The library as plain JSON data: what the deck's virtual module exports. */
export interface ScenarioLibraryData {
  /** All five sections in teaching order (a section may have no scenarios). */
  sections: LibrarySection[]
  /** Every choice scenario, in index order (what slides, handouts and the answer key iterate). */
  scenarios: Scenario[]
  /** Every scale and open poll, in index order: no intended answer, so kept apart from the scenarios. */
  prompts: Prompt[]
}

/** The validated library: sections, scenarios in index order, and a lookup by id. */
export interface ScenarioLibrary extends ScenarioLibraryData {
  byId: ReadonlyMap<string, Scenario>
  promptsById: ReadonlyMap<string, Prompt>
}

/** The shipped library: `<repo>/scenarios`. */
export const defaultScenarioDir = join(KIT_ROOT, 'scenarios')

/** The file that sets which scenarios are used, and in what order. */
export const INDEX_FILE = 'index.yaml'

/**
 * Loads, validates and orders the scenario library in `dir`.
 * Throws one ScenarioLibraryError carrying every issue found; never returns partial data.
 */
export function loadScenarioLibrary(dir: string = defaultScenarioDir): ScenarioLibrary {
  const display = (name: string) => relative(process.cwd(), join(dir, name)) || name
  const issues: ScenarioIssue[] = []

  const index = readScenarioIndex(join(dir, INDEX_FILE), display(INDEX_FILE), issues)
  const fileNames = listYamlFiles(dir)
  for (const name of fileNames.filter(name => name.endsWith('.yml')))
    issues.push({ file: display(name), line: 1, col: 1, path: '', message: 'has the .yml extension; rename it to .yaml so the library reads it' })
  const files = new Set(fileNames.filter(name => name.endsWith('.yaml') && name !== INDEX_FILE))

  const context: ScenarioFileContext = { files, claimedIds: new Map(), display, issues }
  const items = new Map<string, LibraryItem>()
  const checkFile = (name: string, expectedSection?: SectionId) => {
    const item = readScenarioFile(join(dir, name), expectedSection, context)
    if (item)
      items.set(item.id, item)
  }

  const checked = new Set<string>()
  for (const entry of index?.entries ?? []) {
    const name = `${entry.id}.yaml`
    if (!files.has(name))
      issues.push(entry.issue(`has no scenario file; create ${display(name)} or remove this entry`))
    else if (!checked.has(name))
      checkFile(name, entry.section)
    checked.add(name)
  }
  // An unlisted file is an error: it would silently never reach the deck, polls or handouts.
  // Skipped while the index itself is broken, where "not listed" would mostly be noise.
  for (const name of [...files].filter(name => !checked.has(name)).sort()) {
    if (index?.complete)
      issues.push({ file: display(name), line: 1, col: 1, path: '', message: `is not listed in ${INDEX_FILE}; add "${name.slice(0, -5)}" under its section, or delete the file` })
    checkFile(name)
  }

  if (issues.length > 0 || !index)
    throw new ScenarioLibraryError(sortByFile(issues, display(INDEX_FILE)))
  const { entries } = index

  const byId = new Map<string, Scenario>()
  const promptsById = new Map<string, Prompt>()
  for (const item of items.values()) {
    if (isPrompt(item))
      promptsById.set(item.id, item)
    else
      byId.set(item.id, item)
  }
  const librarySections = sections.map((section) => {
    const pollIds = entries.filter(entry => entry.section === section.id).map(entry => entry.id)
    return { ...section, scenarioIds: pollIds.filter(id => byId.has(id)), pollIds }
  })
  const scenarios = librarySections.flatMap(section => section.scenarioIds.map(id => byId.get(id)!))
  const prompts = librarySections.flatMap(section => section.pollIds.flatMap(id => promptsById.get(id) ?? []))
  return { sections: librarySections, scenarios, prompts, byId, promptsById }
}

function listYamlFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter(name => /\.ya?ml$/.test(name))
  }
  catch {
    // A missing directory is reported once, as a missing index.yaml.
    return []
  }
}

/** Groups issues by file (the index first, then files in the order they were reported) and sorts each file's issues by position. */
function sortByFile(issues: ScenarioIssue[], indexFile: string): ScenarioIssue[] {
  const fileOrder = [...new Set([indexFile, ...issues.map(issue => issue.file)])]
  return issues
    .map((issue, position) => ({ issue, position }))
    .sort((a, b) => fileOrder.indexOf(a.issue.file) - fileOrder.indexOf(b.issue.file)
      || a.issue.line - b.issue.line
      || a.issue.col - b.issue.col
      || a.position - b.position)
    .map(({ issue }) => issue)
}
