import type { PollServerOptions, RunningPollServer } from '../../../poll/server/pollServer'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { socketUrl } from '../../../poll/protocol'
import { startPollServer } from '../../../poll/server/pollServer'
import { PollStore } from '../../../poll/store/pollStore'
import { definitions } from './definitions'
import { TestSocket } from './testSocket'

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
  /** Everything the server holds, as a fresh presenter sees it, plus the vote rows on disk: compare before and after to prove "no state change". */
  state: () => Promise<string>
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
  const wsUrl = socketUrl(httpUrl)
  const storedVotes = (poll?: string): number => {
    const store = PollStore.open(dataDir, { readonly: true })
    try {
      return store.countVotes(server.join.session, poll)
    }
    finally {
      store.close()
    }
  }
  return {
    server,
    dataDir,
    httpUrl,
    wsUrl,
    code: server.join.code,
    token: server.presenterToken,
    storedVotes,
    async state() {
      const observer = await TestSocket.presenter(wsUrl, server.presenterToken)
      const snapshot = observer.received[0]
      observer.close()
      const polls = snapshot?.type === 'snapshot' && snapshot.role === 'presenter' ? [snapshot.current, snapshot.polls] : snapshot
      return JSON.stringify({ polls, stored: storedVotes() })
    },
    async stop() {
      await server.close()
      if (!options.dataDir)
        rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
