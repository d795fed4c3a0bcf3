import type { ScenarioIssue } from './scenarioLibraryError.ts'

/** Formats one issue as `file:line:col  path: message`, the shape editors and CI annotate. */
export function formatIssue({ file, line, col, path, message }: ScenarioIssue): string {
  return `${file}:${line}:${col}  ${path ? `${path}: ` : ''}${message}`
}

/** Formats issues one per line. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map(formatIssue).join('\n')
}
