import { isAbsolute, relative } from 'node:path'
import process from 'node:process'

/** A path as a user would type it: relative to the working directory when inside it, else absolute. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path)
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel
}
