// `npm run bench:polls -- --clients N [--kill]`: a real poll server process and N real
// clients on loopback. N phones vote at once (10% twice) and wait for their acks; one
// presenter watches the tally. With --kill, the server is killed with -9 mid-burst and
// restarted, and the clients must get every vote confirmed. LAST line: one JSON object.
import type { ServerMessage } from '../poll/protocol'
import type { Phone } from './lib/benchCrowd'
import type { SpawnedPollServer } from './lib/spawnPollServer'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import WebSocket from 'ws'
import { UserFacingError } from '../lib/userFacingError'
import { createPollClient } from '../poll/client'
import { socketUrl } from '../poll/protocol'
import { loadPollDefinitions } from '../poll/server/pollCatalog'
import { PollStore } from '../poll/store/pollStore'
import { burst, joinCrowd, percentile, until } from './lib/benchCrowd'
import { parseFlags, sharedFlags } from './lib/cliFlags'
import { runMain } from './lib/runMain'
import { spawnPollServer } from './lib/spawnPollServer'

const HELP = `Usage: npm run bench:polls -- --clients N [--kill] [--timeout-s S]

Starts a poll server process on 127.0.0.1 and N WebSocket clients in this process.
Prints figures, then as its LAST line one JSON object.

  --clients N     phones (1 to 20000; default 1000)
  --kill          kill -9 the server mid-burst, restart it, and report acknowledged
                  votes lost (must be 0) and the time until every vote is confirmed
  --timeout-s S   give up after S seconds (default 120)
  -h, --help      show this help`

const SESSION = 'bench'

runMain(async () => {
  const values = parseFlags({
    ...sharedFlags('help'),
    'clients': { type: 'string', default: '1000' },
    'kill': { type: 'boolean', default: false },
    'timeout-s': { type: 'string', default: '120' },
  })
  if (values.help) {
    console.log(HELP)
    return 0
  }
  const clients = Number(values.clients)
  const timeoutMs = Number(values['timeout-s']) * 1000
  if (!Number.isInteger(clients) || clients < 1 || clients > 20_000)
    throw new UserFacingError('--clients must be a whole number from 1 to 20000')
  checkFileLimit(clients)

  const poll = loadPollDefinitions()[0]
  if (!poll)
    throw new UserFacingError('The scenario library has no scenarios to poll.')
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-polls-'))
  let server = await spawnPollServer({ dataDir, session: SESSION })
  const overall = setTimeout(() => {
    console.error(`✖ The benchmark took longer than ${timeoutMs / 1000} s; stopping.`)
    server.child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(1)
  }, timeoutMs)
  try {
    const url = socketUrl(`http://127.0.0.1:${server.port}`)
    let presenterFinalAt: number | undefined
    const presenter = createPollClient({
      url,
      WebSocket,
      hello: { role: 'presenter', token: server.token },
      backoff: { baseMs: 100, maxMs: 1000 },
      onMessage: (message: ServerMessage) => {
        const rounds = message.type === 'tally' ? message.polls.find(p => p.id === poll.id)?.rounds : undefined
        if (rounds?.[0]?.voters === clients)
          presenterFinalAt ??= performance.now()
      },
    })
    await until(() => presenter.status === 'open', 10_000, 'the presenter to join')
    await presenter.control('open', poll.id)
    const code = joinCode(dataDir)

    let confirmed = 0
    const phones = await joinCrowd({ url, code, clients, choices: poll.choices.length, onConfirmed: () => confirmed++ })
    console.log(`  ${clients} phones joined; voting…`)

    const start = performance.now()
    const duplicates = burst(phones, poll.id, 0.1)
    let result: Record<string, number>
    if (!values.kill) {
      await until(() => confirmed === clients, timeoutMs, 'every vote to be acknowledged')
      await until(() => presenterFinalAt !== undefined, 5000, 'the presenter to see every vote')
      const latencies = phones.map(phone => phone.confirmedAt! - phone.sentAt!)
      result = {
        clients,
        votesAcked: phones.filter(phone => phone.acked.length > 0).length,
        votesStored: storedVotes(dataDir, poll.id),
        allTalliedMs: round(Math.max(...phones.map(phone => phone.confirmedAt!)) - start),
        presenterFinalMs: round(presenterFinalAt! - start),
        ackP50Ms: round(percentile(latencies, 50)),
        ackP99Ms: round(percentile(latencies, 99)),
        serverRssMb: peakRssMb(server),
        duplicatesSent: duplicates,
      }
    }
    else {
      // Kill as soon as the first acknowledgements come back: the rest of the burst is in flight.
      await until(() => confirmed > 0, timeoutMs, 'the first acknowledgement')
      server.child.kill('SIGKILL')
      const killedAt = performance.now()
      await server.exited
      const ackedBeforeKill = phones.filter(phone => phone.acked.length > 0).length
      server = await spawnPollServer({ dataDir, port: server.port, session: SESSION })
      const restartMs = performance.now() - killedAt
      await until(() => confirmed === clients, timeoutMs, 'every vote to be confirmed after the restart')
      const recoveredMs = Math.max(...phones.map(phone => phone.confirmedAt!)) - killedAt
      result = {
        clients,
        lostAcked: lostAcked(dataDir, poll.id, phones),
        recoveredMs: round(recoveredMs),
        ackedBeforeKill,
        restartMs: round(restartMs),
        votesStored: storedVotes(dataDir, poll.id),
        serverRssMb: peakRssMb(server),
        duplicatesSent: duplicates,
      }
    }
    phones.forEach(phone => phone.client.close())
    presenter.close()
    console.log(`  machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`)
    console.log(JSON.stringify(result))
    return 0
  }
  finally {
    clearTimeout(overall)
    server.child.kill('SIGTERM')
    await server.exited
    rmSync(dataDir, { recursive: true, force: true })
  }
})

function joinCode(dataDir: string): string {
  const store = PollStore.open(dataDir, { readonly: true })
  try {
    return store.session(SESSION)!.joinCode
  }
  finally {
    store.close()
  }
}

function storedVotes(dataDir: string, pollId: string): number {
  const store = PollStore.open(dataDir, { readonly: true })
  try {
    return store.countVotes(SESSION, pollId)
  }
  finally {
    store.close()
  }
}

/** Acknowledged votes that are not on disk with the acknowledged choice. */
function lostAcked(dataDir: string, pollId: string, phones: Phone[]): number {
  const store = PollStore.open(dataDir, { readonly: true })
  try {
    const stored = new Map(store.loadState(SESSION).votes.filter(vote => vote.poll === pollId && vote.round === 1).map(vote => [vote.device, vote.choice]))
    return phones.filter(phone => phone.acked.some(choice => stored.get(phone.device) !== choice)).length
  }
  finally {
    store.close()
  }
}

/** The server's peak resident memory (VmHWM on Linux; the current RSS elsewhere). */
function peakRssMb(server: SpawnedPollServer): number {
  const pid = server.child.pid!
  try {
    const kb = Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/)?.[1])
    if (kb > 0)
      return round(kb / 1024)
  }
  catch {}
  return round(Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024)
}

/** Each client needs a file descriptor here; say how to raise the limit rather than fail midway. */
function checkFileLimit(clients: number): void {
  let limit = Number.POSITIVE_INFINITY
  try {
    limit = Number(readFileSync('/proc/self/limits', 'utf8').match(/Max open files\s+(\d+)/)?.[1] ?? limit)
  }
  catch {}
  if (clients + 200 > limit)
    throw new UserFacingError(`${clients} clients need about ${clients + 200} open files, but the limit is ${limit}; raise it (ulimit -n ${clients + 1000}) or use fewer --clients`)
}

function round(value: number): number {
  return Math.round(value * 10) / 10
}
