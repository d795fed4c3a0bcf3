// `npm run bench:polls -- --clients N [--kind K] [--kill | --soak S]`: the poll server as `npm start`
// hosts it, and N real clients on loopback. Phones join, the presenter opens the poll, the
// phones vote (or place themselves on a scale, or answer an open poll) at once (10% twice)
// and wait for their acks, and mid-burst the presenter shows the results. For an open poll
// the presenter moderates, and the run ends once its moderation queue holds every answer. With --kill, the server is killed with -9 mid-burst and restarted;
// with --soak, phones stay connected for S seconds with churn. LAST line: one JSON object.
import type { ServerMessage } from '../poll/protocol'
import type { Phone } from './lib/benchCrowd'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import process from 'node:process'
import WebSocket from 'ws'
import { openFileLimit } from '../lib/openFileLimit'
import { UserFacingError } from '../lib/userFacingError'
import { createPollClient } from '../poll/client'
import { optionCount } from '../poll/pollDefinition'
import { socketUrl } from '../poll/protocol'
import { phoneCapacity } from '../poll/server/descriptorBudget'
import { loadPollDefinitions } from '../poll/server/pollCatalog'
import { burst, joinCrowd, percentile, until } from './lib/benchCrowd'
import { burstKind, OPEN_ANSWER_VARIETY } from './lib/benchKinds'
import { joinCode, lostAcked, peakRssMb, round, storedAnswers, storedVotes } from './lib/benchServer'
import { soak } from './lib/benchSoak'
import { parseFlags, sharedFlags } from './lib/cliFlags'
import { machineReport } from './lib/machineReport'
import { runMain } from './lib/runMain'
import { BASELINE_JOIN_CODE, spawnPollServer } from './lib/spawnPollServer'

const SESSION = 'bench'
/** Each phone holds one socket in this process and one in the server's; both share the limit. */
const MAX_CLIENTS = Math.min(phoneCapacity(openFileLimit()), 50_000)

const HELP = `Usage: npm run bench:polls -- --clients N [--kind choice|scale|open] [--kill | --soak S] [--server start|baseline] [--timeout-s S]

Starts the poll server on 127.0.0.1 as \`npm start\` hosts it (a separate process) and N
WebSocket phones in this process. Prints figures, then as its LAST line one JSON object.

  --clients N     phones (1 to ${MAX_CLIENTS}: this machine's open-file limit minus what the
                  server needs; raise it with ulimit -n for more; default 1000)
  --kind KIND     the first poll of this kind in the library: choice (default),
                  scale (each phone places itself) or open (each phone types an answer,
                  ${OPEN_ANSWER_VARIETY} different ones; done when the presenter's moderation queue has all)
  --kill          kill -9 the server mid-burst, restart it, and report acknowledged
                  votes lost (must be 0) and the time until every vote is confirmed
  --server KIND   start: the poll server exactly as npm start runs it (default; the
                  targets apply to it); baseline: a bare in-memory ws server with
                  no storage or checks, the yardstick for the ratio
  --soak S        keep the phones connected for S seconds: every 30 s all vote, every
                  minute 5% reconnect; reports lost acks, memory at start and end, p99 ack
  --timeout-s S   give up after S seconds (default 120, or the soak plus 120)
  -h, --help      show this help`

runMain(async () => {
  const values = parseFlags({
    ...sharedFlags('help'),
    'clients': { type: 'string', default: '1000' },
    'kill': { type: 'boolean', default: false },
    'soak': { type: 'string' },
    'timeout-s': { type: 'string' },
    'server': { type: 'string', default: 'start' },
    'kind': { type: 'string', default: 'choice' },
  })
  if (values.help) {
    console.log(HELP)
    return 0
  }
  const clients = Number(values.clients)
  if (!Number.isInteger(clients) || clients < 1 || clients > MAX_CLIENTS)
    throw new UserFacingError(`--clients must be a whole number from 1 to ${MAX_CLIENTS} (this machine's open-file limit minus what the server needs; raise it with ulimit -n)`)
  const soakSeconds = values.soak === undefined ? undefined : Number(values.soak)
  if (soakSeconds !== undefined && (!Number.isInteger(soakSeconds) || soakSeconds < 30))
    throw new UserFacingError('--soak must be a whole number of seconds, at least 30')
  if (soakSeconds !== undefined && values.kill)
    throw new UserFacingError('--kill and --soak are separate runs; pass one of them')
  const timeoutMs = Number(values['timeout-s'] ?? 120 + (soakSeconds ?? 0)) * 1000
  if (values.server !== 'start' && values.server !== 'baseline')
    throw new UserFacingError('--server must be start (the poll server as npm start runs it) or baseline (the in-memory yardstick)')
  const baseline = values.server === 'baseline'
  if (baseline && (values.kill || soakSeconds !== undefined))
    throw new UserFacingError('The baseline keeps nothing to recover or soak; use --kill and --soak with --server start')

  const kind = values.kind
  if (kind !== 'choice' && kind !== 'scale' && kind !== 'open')
    throw new UserFacingError('--kind must be choice, scale or open')
  if (kind !== 'choice' && (baseline || values.kill || soakSeconds !== undefined))
    throw new UserFacingError('--kind scale and open run the plain burst; use --kill, --soak and --server baseline with choice polls')
  const poll = loadPollDefinitions().find(definition => definition.kind === kind)
  if (!poll)
    throw new UserFacingError(`The scenario library has no ${kind} poll.`)
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-polls-'))
  let server = await spawnPollServer({ dataDir, session: SESSION, stats: true, baseline })
  const overall = setTimeout(() => {
    console.error(`✖ The benchmark took longer than ${timeoutMs / 1000} s; stopping.`)
    server.child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    process.exit(1)
  }, timeoutMs)
  try {
    const url = socketUrl(`http://127.0.0.1:${server.port}`)
    let presenterFinalAt: number | undefined
    let expectedVoters = clients
    const presenter = createPollClient({
      url,
      WebSocket,
      hello: { role: 'presenter', token: server.token, moderator: kind === 'open' },
      backoff: { baseMs: 100, maxMs: 1000 },
      onMessage: (message: ServerMessage) => {
        const tally = message.type === 'tally' ? message.polls.find(p => p.id === poll.id) : undefined
        // An open poll is done when the moderation queue counts every answer; the others when every voter is tallied.
        const final = kind === 'open' ? tally?.answers?.[0]?.answers : tally?.rounds[0]?.voters
        if (final === expectedVoters)
          presenterFinalAt ??= performance.now()
      },
    })
    await until(() => presenter.status === 'open', 10_000, 'the presenter to join')
    const code = baseline ? BASELINE_JOIN_CODE : joinCode(dataDir, SESSION)

    let confirmed = 0
    const joinStart = performance.now()
    const phones = await joinCrowd({ url, code, clients, choices: poll.kind === 'open' ? OPEN_ANSWER_VARIETY : optionCount(poll), watchPoll: poll.id, onConfirmed: () => confirmed++ })
    const joinMs = performance.now() - joinStart
    console.log(`  ${clients} phones joined in ${round(joinMs)} ms; opening the poll…`)

    const openStart = performance.now()
    await presenter.control('open', poll.id)
    await until(() => phones.every(phone => phone.openedAt !== undefined), 30_000, 'every phone to see the poll open')
    const openFanoutMs = Math.max(...phones.map(phone => phone.openedAt!)) - openStart

    if (soakSeconds !== undefined) {
      const result = await soak({ phones, pollId: poll.id, choices: optionCount(poll), seconds: soakSeconds, server, dataDir, session: SESSION, url, code })
      finish(phones, presenter, { clients, joinMs: round(joinMs), ...result })
      return result.lostAcked === 0 ? 0 : 1
    }

    await server.stats('stats:reset')
    const start = performance.now()
    const duplicates = poll.kind === 'choice' ? burst(phones, poll.id, 0.1) : burstKind(phones, poll, 0.1, () => confirmed++)
    let result: Record<string, number>
    if (!values.kill) {
      // The trainer shows the live results while the room is still voting: how long does that click wait?
      await until(() => confirmed > 0, timeoutMs, 'the first acknowledgement')
      const controlSent = performance.now()
      const controlAcked = presenter.display(poll.id, { showResults: true }).then(() => performance.now() - controlSent)
      await until(() => confirmed === clients, timeoutMs, 'every vote to be acknowledged')
      await until(() => presenterFinalAt !== undefined, 5000, 'the presenter to see every vote')
      const serverStats = await server.stats('stats:read')
      const latencies = phones.map(phone => phone.confirmedAt! - phone.sentAt!)
      result = {
        clients,
        votesAcked: phones.filter(phone => phone.acked.length > 0).length,
        votesStored: baseline ? 0 : poll.kind === 'open' ? storedAnswers(dataDir, SESSION, poll.id) : storedVotes(dataDir, SESSION, poll.id),
        joinMs: round(joinMs),
        openFanoutMs: round(openFanoutMs),
        allTalliedMs: round(Math.max(...phones.map(phone => phone.confirmedAt!)) - start),
        presenterFinalMs: round(presenterFinalAt! - start),
        ackP50Ms: round(percentile(latencies, 50)),
        ackP99Ms: round(percentile(latencies, 99)),
        controlMs: round(await controlAcked),
        eventLoopMaxMs: serverStats?.eventLoopMaxMs ?? Number.NaN,
        serverHeapUsedMb: serverStats?.heapUsedMb ?? Number.NaN,
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
      expectedVoters = -1
      result = {
        clients,
        lostAcked: lostAcked(dataDir, SESSION, poll.id, phones),
        recoveredMs: round(recoveredMs),
        ackedBeforeKill,
        restartMs: round(restartMs),
        votesStored: storedVotes(dataDir, SESSION, poll.id),
        serverRssMb: peakRssMb(server),
        duplicatesSent: duplicates,
      }
    }
    finish(phones, presenter, result)
    return 0
  }
  finally {
    clearTimeout(overall)
    server.child.kill('SIGTERM')
    await server.exited
    rmSync(dataDir, { recursive: true, force: true })
  }
})

function finish(phones: Phone[], presenter: { close: () => void }, result: Record<string, number>): void {
  phones.forEach(phone => phone.client.close())
  presenter.close()
  // Timed after the phones are gone, so the reference work does not overlap the run.
  const machine = machineReport()
  console.log(`  ${machine.line}`)
  console.log(JSON.stringify({ ...result, cpuRefMs: machine.cpuRefMs }))
}
