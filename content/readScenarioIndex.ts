import type { ScenarioIssue } from './scenarioLibraryError.ts'
import type { SectionId } from './sections.ts'
import type { YamlFileKind } from './yamlSource.ts'
import { scenarioIndexSchema } from './scenarioIndexSchema.ts'
import { scenarioIdSchema } from './scenarioSchema.ts'
import { sectionIds } from './sections.ts'
import { readYamlSource, validateSource } from './yamlSource.ts'

/** One scenario id listed in index.yaml, under its section. */
export interface IndexEntry {
  id: string
  section: SectionId
  /** Locates this entry in index.yaml. */
  issue: (message: string) => ScenarioIssue
}

const indexKind: YamlFileKind = {
  emptyMessage: 'is empty; list each section\'s scenario ids in the order they are used',
  keyNoun: 'section',
}

/**
 * Parses index.yaml into entries in teaching order. Entries are taken from every well-formed id even when
 * other parts of the index are wrong, so their files are still checked; `complete` says the index had no issues.
 */
export function readScenarioIndex(absolutePath: string, file: string, issues: ScenarioIssue[]): { entries: IndexEntry[], complete: boolean } | undefined {
  const { source, issues: readIssues } = readYamlSource(absolutePath, file, indexKind)
  issues.push(...readIssues)
  if (!source)
    return undefined
  const before = issues.length
  issues.push(...validateSource(source, scenarioIndexSchema, indexKind, sectionIds).issues)

  const raw: unknown = source.doc.toJS()
  const index = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  // Sections must appear in teaching order, so the file reads like the deck.
  const listed = Object.keys(index).filter((key): key is SectionId => sectionIds.includes(key as SectionId))
  listed.forEach((key, position) => {
    const later = listed.slice(0, position).find(earlier => sectionIds.indexOf(earlier) > sectionIds.indexOf(key))
    if (later)
      issues.push(source.issueAtKey([], key, `is listed after "${later}"; keep sections in teaching order: ${sectionIds.join(', ')}`))
  })

  // Walk in file order so "already listed" points back up the file; then order entries by teaching order.
  const entries: IndexEntry[] = []
  const firstLine = new Map<string, number>()
  for (const section of listed) {
    const ids = index[section]
    if (!Array.isArray(ids))
      continue
    ids.forEach((id: unknown, position) => {
      if (typeof id !== 'string' || !scenarioIdSchema.safeParse(id).success)
        return
      const at = source.issueAt([section, position], '')
      const earlier = firstLine.get(id)
      if (earlier === undefined) {
        firstLine.set(id, at.line)
        entries.push({ id, section, issue: message => ({ ...at, message }) })
      }
      else {
        issues.push({ ...at, message: `"${id}" is already listed at line ${earlier}; list each scenario once` })
      }
    })
  }
  entries.sort((a, b) => sectionIds.indexOf(a.section) - sectionIds.indexOf(b.section))
  return { entries, complete: issues.length === before }
}
