import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The kit's root folder (where package.json and slides.md live). */
export const KIT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Where `npm run export` writes the deck PDF unless told otherwise. */
export const DEFAULT_DECK_PDF = resolve(KIT_ROOT, 'exports/workshop-deck.pdf')

/** Slidev's command-line entry, run with the current Node. */
export const SLIDEV_BIN = resolve(KIT_ROOT, 'node_modules/@slidev/cli/bin/slidev.mjs')

/** Where the poll server keeps polls.sqlite and the presenter token unless told otherwise (git-ignored). */
export const DEFAULT_POLL_DATA_DIR = resolve(KIT_ROOT, '.poll-data')
