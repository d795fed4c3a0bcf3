import type { ScenarioIssue } from './scenarioLibraryError.ts'
import type { Scenario } from './scenarioSchema.ts'
import type { SectionId } from './sections.ts'
import type { YamlFileKind } from './yamlSource.ts'
import { basename } from 'node:path'
import { scenarioFields, scenarioSchema } from './scenarioSchema.ts'
import { readYamlSource, validateSource } from './yamlSource.ts'

const scenarioKind: YamlFileKind = {
  emptyMessage: 'is empty; a scenario needs id, section, title, situation, answer, rationale, debrief and minutes',
  keyNoun: 'field',
}

/** What checking one scenario file needs to know about the rest of the library. */
export interface ScenarioFileContext {
  /** Scenario file names in the directory. */
  files: ReadonlySet<string>
  /** id → the file that first used it, to report duplicates. */
  claimedIds: Map<string, string>
  display: (name: string) => string
  issues: ScenarioIssue[]
}

/** Reads and validates one scenario file, checking it against its name and its place in the index. */
export function readScenarioFile(absolutePath: string, expectedSection: SectionId | undefined, context: ScenarioFileContext): Scenario | undefined {
  const { files, claimedIds, display, issues } = context
  const name = basename(absolutePath)
  const file = display(name)
  const expectedId = name.slice(0, -'.yaml'.length)
  const { source, issues: readIssues } = readYamlSource(absolutePath, file, scenarioKind)
  issues.push(...readIssues)
  if (!source)
    return undefined
  const { data, issues: schemaIssues } = validateSource(source, scenarioSchema, scenarioKind, scenarioFields)
  issues.push(...schemaIssues)
  if (!data)
    return undefined

  const before = issues.length
  if (data.id !== expectedId) {
    const owner = files.has(`${data.id}.yaml`) ? display(`${data.id}.yaml`) : claimedIds.get(data.id)
    issues.push(source.issueAt(['id'], owner
      ? `"${data.id}" is already the id of ${owner}; ids must be unique, so use "${expectedId}" to match this file's name`
      : `"${data.id}" does not match the file name; use "${expectedId}", or rename the file to ${data.id}.yaml and update index.yaml`))
  }
  if (!claimedIds.has(data.id))
    claimedIds.set(data.id, file)
  if (expectedSection && data.section !== expectedSection)
    issues.push(source.issueAt(['section'], `is "${data.section}" but index.yaml lists this scenario under "${expectedSection}"; make them match`))
  return issues.length === before ? data : undefined
}
