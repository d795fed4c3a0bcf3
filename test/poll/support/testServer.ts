import type { PollServerOptions, RunningPollServer } from '../../../poll/server/pollServer'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { socketUrl } from '../../../poll/protocol'
import { startPollServer } from '../../../poll/server/pollServer'
import { PollStore } from '../../../poll/store/pollStore'
import { definitions } from './definitions'

export interface TestServer {
  server: RunningPollServer
  dataDir: string
  /** ws://127.0.0.1:port/ws */
  wsUrl: string
  /** http://127.0.0.1:port */
  httpUrl: string
  code: string
  token: string
  /** Vote rows on disk, read through a second connection (what survives a crash). */
  storedVotes: (poll?: string) => number
  stop: () => Promise<void>
}

/** Starts a real poll server on a random loopback port with a fresh SQLite file in a temp dir. */
export async function startTestServer(options: Partial<PollServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'poll-test-'))
  const server = await startPollServer({
    host: '127.0.0.1',
    port: 0,
    definitions,
    sessionId: 'test-session',
    onError: () => {},
    ...options,
    dataDir,
  })
  const httpUrl = `http://127.0.0.1:${server.port}`
  return {
    server,
    dataDir,
    httpUrl,
    wsUrl: socketUrl(httpUrl),
    code: server.join.code,
    token: server.presenterToken,
    storedVotes(poll) {
      const store = PollStore.open(dataDir, { readonly: true })
      try {
        return store.countVotes(server.join.session, poll)
      }
      finally {
        store.close()
      }
    },
    async stop() {
      await server.close()
      if (!options.dataDir)
        rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
