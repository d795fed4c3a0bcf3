import { formatIssues } from './formatIssues.ts'

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

/** Thrown by the loader when the library is invalid; carries every issue found, not just the first. */
export class ScenarioLibraryError extends Error {
  override name = 'ScenarioLibraryError'

  constructor(readonly issues: readonly ScenarioIssue[]) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`
    super(`Scenario library has ${count}:\n${formatIssues(issues)}`)
  }
}
