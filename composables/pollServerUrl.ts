import { DEFAULT_POLL_PORT } from '../poll/protocol'

/** The headmatter key in slides.md that names the poll server for a hosted (`slidev build`) deck. */
export const POLL_SERVER_HEADMATTER_KEY = 'pollServer'

/** Where a deck on this computer finds the poll server that `npm start` runs. */
export const DEFAULT_POLL_SERVER_URL = `http://localhost:${DEFAULT_POLL_PORT}`

export interface PollServerUrlSources {
  /** `VITE_POLL_SERVER_URL`: set by `npm start` to the server it started, or given at build time. */
  env?: unknown
  /** `pollServer:` in the headmatter of slides.md. */
  headmatter?: unknown
}

export interface ResolvedPollServerUrl {
  /** The server's origin, e.g. `http://localhost:3040`. */
  url: string
  /** Set values that were not http(s) URLs and were skipped, to tell the trainer. */
  ignored: string[]
}

/** The poll server's origin: the environment first, then the headmatter, then localhost:3040. */
export function resolvePollServerUrl({ env, headmatter }: PollServerUrlSources): ResolvedPollServerUrl {
  const ignored: string[] = []
  for (const [name, value] of [['VITE_POLL_SERVER_URL', env], [POLL_SERVER_HEADMATTER_KEY, headmatter]] as const) {
    if (value === undefined || value === null || value === '')
      continue
    const url = httpOrigin(value)
    if (url)
      return { url, ignored }
    ignored.push(`${name}: ${JSON.stringify(value)} is not an http(s) URL such as http://192.168.1.20:3040`)
  }
  return { url: DEFAULT_POLL_SERVER_URL, ignored }
}

/** The origin of an http(s) URL, or undefined. The poll server lives at the root of its origin. */
export function httpOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string')
    return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined
  }
  catch {
    return undefined
  }
}
