import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The kit's root folder (where package.json and slides.md live): the nearest such folder
 * above this module, so it is found both from the TypeScript source and from a compiled
 * entry point cached under node_modules/.cache (scripts/lib/runCompiled.mjs).
 */
export const KIT_ROOT = findKitRoot(dirname(fileURLToPath(import.meta.url)))

function findKitRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'slides.md')) && existsSync(join(dir, 'package.json')))
      return dir
    if (dirname(dir) === dir)
      return resolve(start, '..')
  }
}

/** Where `npm run export` writes the deck PDF unless told otherwise. */
export const DEFAULT_DECK_PDF = resolve(KIT_ROOT, 'exports/workshop-deck.pdf')

/** Slidev's command-line entry, run with the current Node. */
export const SLIDEV_BIN = resolve(KIT_ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs')

/** Where the poll server keeps polls.sqlite and the presenter token unless told otherwise (git-ignored). */
export const DEFAULT_POLL_DATA_DIR = resolve(KIT_ROOT, '.poll-data')
