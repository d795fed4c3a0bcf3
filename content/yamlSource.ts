import type { Document, Node, Pair } from 'yaml'
import type { z } from 'zod'
import type { ScenarioIssue } from './scenarioLibraryError.ts'
import { readFileSync } from 'node:fs'
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml'
import { closestMatch } from './closestMatch.ts'
import { friendlyErrors } from './scenarioSchema.ts'

type Path = readonly PropertyKey[]

/** A parsed YAML file that can locate any value path as file:line:col. */
export class YamlSource {
  constructor(
    readonly file: string,
    readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
  ) {}

  /** An issue at the node for `path`; a missing key points at the map that should hold it. */
  issueAt(path: Path, message: string): ScenarioIssue {
    return this.issueAtOffset(this.offsetOf(path), path, message)
  }

  /** An issue at the key `key` of the map at `mapPath` (for unknown keys). */
  issueAtKey(mapPath: Path, key: string, message: string): ScenarioIssue {
    const map = this.find(mapPath).node
    const pair = isMap(map) ? map.items.find(item => keyText(item) === key) : undefined
    const offset = rangeStart(pair?.key) ?? this.offsetOf(mapPath)
    return this.issueAtOffset(offset, [...mapPath, key], message)
  }

  private issueAtOffset(offset: number, path: Path, message: string): ScenarioIssue {
    const { line, col } = this.lineCounter.linePos(offset)
    return { file: this.file, line, col, path: path.map(String).join('.'), message }
  }

  private offsetOf(path: Path): number {
    const { node, key } = this.find(path)
    // `rationale:` with nothing after it: the empty value sits at the line's end, so point at the key.
    const empty = !node || (isScalar(node) && node.value === null && node.source === '')
    return (empty ? rangeStart(key) : rangeStart(node)) ?? rangeStart(this.doc.contents) ?? 0
  }

  private find(path: Path): { node: unknown, key?: unknown } {
    let node: unknown = this.doc.contents
    let key: unknown
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find(item => keyText(item) === String(segment))
        if (!pair)
          break
        key = pair.key
        node = pair.value
      }
      else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
        key = undefined
        node = node.items[segment]
      }
      else {
        break
      }
    }
    return { node, key }
  }
}

function keyText(pair: Pair<unknown, unknown>): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key)
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | undefined)?.range?.[0]
}

/** What a caller says about its kind of file, so messages speak the author's language. */
export interface YamlFileKind {
  /** Message for a file with no content. */
  emptyMessage: string
  /** What a top-level key is called: "field" or "section". */
  keyNoun: string
}

/** Plain advice for the YAML mistakes authors of prose make most. */
const yamlHints: Partial<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'text containing ": " must be in quotes',
  DUPLICATE_KEY: 'this field appears twice',
  TAB_AS_INDENT: 'indent with spaces',
}

/**
 * Reads a file as strict UTF-8 and parses one YAML document.
 * Returns the source, or located issues when the file cannot be read, decoded or parsed, or is empty.
 */
export function readYamlSource(absolutePath: string, file: string, kind: YamlFileKind): { source?: YamlSource, issues: ScenarioIssue[] } {
  const fileIssue = (line: number, col: number, message: string) => ({ issues: [{ file, line, col, path: '', message }] })

  let bytes: Uint8Array
  try {
    bytes = readFileSync(absolutePath)
  }
  catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return fileIssue(1, 1, code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})`)
  }

  const decoded = decodeUtf8(bytes)
  if (typeof decoded !== 'string') {
    const lines = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.offset)).split('\n')
    return fileIssue(lines.length, (lines.at(-1)?.length ?? 0) + 1, `is not UTF-8 text (byte 0x${decoded.byte.toString(16).toUpperCase().padStart(2, '0')}); save the file as UTF-8`)
  }

  const lineCounter = new LineCounter()
  const doc = parseDocument(decoded, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const yamlProblems = [...doc.errors, ...doc.warnings]
  if (yamlProblems.length > 0) {
    // One syntax slip often yields several errors at the same spot; the first explains it best.
    const issues = new Map<string, ScenarioIssue>()
    for (const problem of yamlProblems) {
      const { line, col } = lineCounter.linePos(problem.pos[0])
      const hint = yamlHints[problem.code] ? ` (${yamlHints[problem.code]})` : ''
      if (!issues.has(`${line}:${col}`))
        issues.set(`${line}:${col}`, { file, line, col, path: '', message: `invalid YAML: ${problem.message}${hint}` })
    }
    return { issues: [...issues.values()] }
  }
  if (doc.contents === null)
    return fileIssue(1, 1, kind.emptyMessage)
  return { source: new YamlSource(file, doc, lineCounter), issues: [] }
}

/** Decodes strict UTF-8, or reports the offset and value of the first byte that is not. */
function decodeUtf8(bytes: Uint8Array): string | { offset: number, byte: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  }
  catch {
    // Binary search for the longest prefix that still decodes when more bytes may follow.
    let low = 0
    let high = bytes.length
    while (low < high) {
      const middle = Math.ceil((low + high) / 2)
      if (decodes(bytes.subarray(0, middle), true))
        low = middle
      else
        high = middle - 1
    }
    // That prefix may end inside an unfinished multi-byte sequence; the bad sequence starts where it began.
    let offset = low
    while (offset > 0 && !decodes(bytes.subarray(0, offset), false))
      offset--
    return { offset, byte: bytes[offset] ?? 0 }
  }
}

function decodes(bytes: Uint8Array, moreMayFollow: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: moreMayFollow })
    return true
  }
  catch {
    return false
  }
}

/**
 * Validates a parsed file against a zod schema.
 * Each unknown key becomes its own issue at the key, with a "did you mean" hint from `knownKeys`.
 */
export function validateSource<T extends z.ZodType>(
  source: YamlSource,
  schema: T,
  kind: YamlFileKind,
  knownKeys: readonly string[],
): { data?: z.output<T>, issues: ScenarioIssue[] } {
  const result = schema.safeParse(source.doc.toJS(), { error: friendlyErrors })
  if (result.success)
    return { data: result.data, issues: [] }
  const issues = result.error.issues.flatMap((issue) => {
    if (issue.code !== 'unrecognized_keys')
      return [source.issueAt(issue.path, issue.message)]
    return issue.keys.map((key) => {
      const hint = closestMatch(key, knownKeys)
      const advice = hint ? `did you mean "${hint}"?` : `use one of: ${knownKeys.join(', ')}`
      return source.issueAtKey(issue.path, key, `unknown ${kind.keyNoun}; ${advice}`)
    })
  })
  return { issues }
}
