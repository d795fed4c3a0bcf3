import type { Prompt } from './promptSchema.ts'
import type { ScenarioIssue } from './scenarioLibraryError.ts'
import type { Scenario } from './scenarioSchema.ts'
import type { SectionId } from './sections.ts'
import type { YamlFileKind, YamlSource } from './yamlSource.ts'
import { basename } from 'node:path'
import { openPromptSchema, scalePromptSchema } from './promptSchema.ts'
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

/** One library file: a choice scenario, or a scale or open poll. */
export type LibraryItem = Scenario | Prompt

/** Whether a library file is a scale or open poll rather than a choice scenario. */
export function isPrompt(item: LibraryItem): item is Prompt {
  return item.kind === 'scale' || item.kind === 'open'
}

/** The schema a file's `kind` asks for: scale and open polls have their own fields; anything else is read as a scenario (which reports a wrong kind). */
function validateByKind(source: YamlSource) {
  const kind: unknown = source.doc.get('kind')
  if (kind === 'scale')
    return validateSource(source, scalePromptSchema, scenarioKind, Object.keys(scalePromptSchema.shape))
  if (kind === 'open')
    return validateSource(source, openPromptSchema, scenarioKind, Object.keys(openPromptSchema.shape))
  return validateSource(source, scenarioSchema, scenarioKind, scenarioFields)
}

/** Reads and validates one library file (by its `kind`), checking it against its name and its place in the index. */
export function readScenarioFile(absolutePath: string, expectedSection: SectionId | undefined, context: ScenarioFileContext): LibraryItem | undefined {
  const { files, claimedIds, display, issues } = context
  const name = basename(absolutePath)
  const file = display(name)
  const expectedId = name.slice(0, -'.yaml'.length)
  const { source, issues: readIssues } = readYamlSource(absolutePath, file, scenarioKind)
  issues.push(...readIssues)
  if (!source)
    return undefined
  const { data, issues: schemaIssues } = validateByKind(source)
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
