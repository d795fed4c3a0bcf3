// The benchmark's yardstick (`npm run bench:polls -- --server baseline`): a bare WebSocket
// server that speaks just enough of the protocol for the benchmark's phones and presenter,
// with the pure poll machine in memory and nothing else: no validation of what arrives, no
// SQLite, no acknowledgement after commit, no slicing, no limits. The distance between it
// and the real server is what durability and protection cost. Not for rooms.
import type { WebSocket } from 'ws'
import type { ServerMessage } from '../../poll/protocol'
import process from 'node:process'
import { WebSocketServer } from 'ws'
import { PollMachine } from '../../poll/pollMachine'
import { participantPoll, presenterPoll, roundTallies } from '../../poll/pollViews'
import { PROTOCOL_VERSION } from '../../poll/protocol'
import { loadPollDefinitions } from '../../poll/server/pollCatalog'
import { serveStatsToParent } from './serverStats'
import { BASELINE_JOIN_CODE } from './spawnPollServer'

const definitions = loadPollDefinitions()
const machine = new PollMachine(definitions)
const phones = new Map<WebSocket, string>()
const presenters = new Set<WebSocket>()
const join = { session: 'bench', code: BASELINE_JOIN_CODE, url: `http://127.0.0.1/${BASELINE_JOIN_CODE}` }
let tallyTimer: ReturnType<typeof setTimeout> | undefined
const send = (socket: WebSocket, message: ServerMessage) => socket.send(JSON.stringify(message))

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/ws', perMessageDeflate: false, backlog: 2048 })
wss.on('connection', (socket) => {
  socket.on('close', () => {
    phones.delete(socket)
    presenters.delete(socket)
  })
  socket.on('message', (data) => {
    const message = JSON.parse(String(data))
    if (message.type === 'ping')
      return send(socket, { type: 'pong' })
    if (message.type === 'hello' && message.role === 'presenter') {
      presenters.add(socket)
      return send(socket, { type: 'snapshot', v: PROTOCOL_VERSION, role: 'presenter', join, current: machine.current, polls: machine.polls().map(record => presenterPoll(record)), participants: { connected: phones.size } })
    }
    if (message.type === 'hello') {
      phones.set(socket, message.device)
      const record = machine.current === null ? undefined : machine.poll(machine.current)
      return send(socket, { type: 'snapshot', v: PROTOCOL_VERSION, role: 'participant', session: join.session, poll: record ? participantPoll(record, message.device) : null })
    }
    if (message.type === 'vote') {
      const outcome = machine.apply({ kind: 'vote', device: phones.get(socket) ?? '', poll: message.poll, round: message.round, choice: message.choice })
      if (!outcome.ok)
        return send(socket, { type: 'error', code: outcome.code, message: outcome.reason, id: message.id })
      send(socket, { type: 'ack', id: message.id, vote: { poll: message.poll, round: message.round, choice: message.choice } })
      tallyTimer ??= setTimeout(() => {
        tallyTimer = undefined
        const polls = machine.polls().filter(record => record.status === 'open').map(record => ({ id: record.definition.id, rounds: roundTallies(record) }))
        for (const presenter of presenters)
          send(presenter, { type: 'tally', participants: { connected: phones.size }, polls })
      }, 50)
      return
    }
    if (message.type === 'control' || message.type === 'display') {
      const outcome = machine.apply(message.type === 'control'
        ? { kind: 'control', action: message.action, poll: message.poll }
        : { kind: 'display', poll: message.poll, patch: { showResults: message.showResults } })
      send(socket, outcome.ok ? { type: 'ack', id: message.id } : { type: 'error', code: outcome.code, message: outcome.reason, id: message.id })
      const record = machine.poll(message.poll)
      if (message.type === 'control' && record) {
        for (const [phone, device] of phones)
          send(phone, { type: 'poll', poll: participantPoll(record, device) })
      }
    }
  })
})
wss.on('listening', () => {
  serveStatsToParent()
  const address = wss.address()
  console.log(`  Listening on port ${typeof address === 'object' && address ? address.port : 0} (baseline: in memory, no storage)`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => process.exit(0))
