import { UserFacingError } from '../lib/userFacingError.ts'

/** One problem in the scenario library, located in the file an author edits. */
export interface ScenarioIssue {
  /** Path relative to the working directory, e.g. `scenarios/index.yaml`. */
  file: string
  /** 1-based line. */
  line: number
  /** 1-based column. */
  col: number
  /** Dotted field path inside the file (`choices.2`), or '' for the file as a whole. */
  path: string
  message: string
}

/** Formats one issue as `file:line:col  path: message`, the shape editors and CI annotate. */
export function formatIssue({ file, line, col, path, message }: ScenarioIssue): string {
  return `${file}:${line}:${col}  ${path ? `${path}: ` : ''}${message}`
}

/** Formats issues one per line. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map(formatIssue).join('\n')
}

/** An authored file set (scenarios, session plans) with problems: every issue found, not just the first. */
export class LocatedIssuesError extends UserFacingError {
  /** `subject` names the files with its verb: "Scenario library has", "Session plans have". */
  constructor(subject: string, readonly issues: readonly ScenarioIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
    super(`${subject} ${count}:\n${formatIssues(issues)}`)
  }
}

/** Thrown by the loader when the library is invalid. */
export class ScenarioLibraryError extends LocatedIssuesError {
  override name = 'ScenarioLibraryError'

  constructor(issues: readonly ScenarioIssue[]) {
    super('Scenario library has', issues)
  }
}
