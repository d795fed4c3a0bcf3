import type { SkippedVotes } from '../machineState'
// One workshop session's live side: the machine, the store behind it, and the sockets
// that watch it. Every change goes through the group commit and is acknowledged or
// broadcast only after its transaction has committed. Changes apply in the order the
// inbox hands them over: arrival order, except that a presenter's message goes ahead of
// phones' messages still waiting (so "close" means close now, even mid-burst).
import type { PollDefinition } from '../pollDefinition'
import type { Command, Outcome } from '../pollMachine'
import type { CrowdedAddress, JoinInfo, ParticipantSnapshot, PresenterSnapshot, ServerMessage } from '../protocol'
import type { PollStore } from '../store/pollStore'
import type { MessageSocket } from './send'
import { PollMachine } from '../pollMachine'
import { answerRounds, participantPoll, presenterPoll, roundTallies } from '../pollViews'
import { PROTOCOL_VERSION } from '../protocol'
import { DeviceAdmission } from './deviceAdmission'
import { GroupCommit } from './groupCommit'
import { participantPollMessages } from './participantFanout'
import { broadcast, OPEN, send } from './send'
import { SlicedQueue } from './slicedQueue'
import { TallyCoalescer } from './tallyCoalescer'

export interface PollHubOptions {
  store: PollStore
  sessionId: string
  /** The polls the scenario library offers. */
  definitions: PollDefinition[]
  join: JoinInfo
  /** How often presenters get tallies at most. */
  tallyIntervalMs: number
  /** Group-commit window; 0 batches what arrives in one event-loop turn. */
  commitWindowMs: number
  onError: (error: unknown) => void
  /** Which addresses brought which devices; the presenter sees the crowded ones. */
  admission?: DeviceAdmission
}

interface Job {
  command: Command
  socket: MessageSocket
  id: string
}

export interface HubStats {
  /** Distinct participant devices connected. */
  participants: number
  participantSockets: number
  presenters: number
}

/** Phone messages written per event-loop turn when a poll changes (about 10 ms of writes here). */
const FANOUT_SLICE = 500

export class PollHub {
  private machine: PollMachine
  private readonly participants = new Map<MessageSocket, string>()
  private readonly devices = new Map<string, number>()
  private readonly presenters = new Set<MessageSocket>()
  /** Presenters that moderate (the presenter's own screen); the other presenter sockets are projectors. */
  private readonly moderators = new Set<MessageSocket>()
  private readonly commits: GroupCommit<Job>
  private readonly tallies: TallyCoalescer
  readonly admission: DeviceAdmission
  /** The phones' copy of a changed poll goes out a slice at a time: 5,000 writes would hold the loop for a quarter second. */
  private readonly fanout = new SlicedQueue<() => void>(write => write(), FANOUT_SLICE)

  constructor(private readonly options: PollHubOptions) {
    this.machine = new PollMachine(options.definitions, options.store.loadState(options.sessionId))
    this.commits = new GroupCommit(jobs => this.commitBatch(jobs), options.commitWindowMs)
    this.tallies = new TallyCoalescer(options.tallyIntervalMs, polls => this.sendTallies(polls))
    this.admission = options.admission ?? new DeviceAdmission()
  }

  get stats(): HubStats {
    return { participants: this.devices.size, participantSockets: this.participants.size, presenters: this.presenters.size }
  }

  addParticipant(socket: MessageSocket, device: string): void {
    this.participants.set(socket, device)
    const sockets = this.devices.get(device) ?? 0
    this.devices.set(device, sockets + 1)
    if (sockets === 0)
      this.tallies.markParticipants()
    send(socket, this.participantSnapshot(device))
  }

  /** `moderator`: the presenter's own screen, which sees the moderation queue; otherwise a projector. */
  addPresenter(socket: MessageSocket, moderator = false): void {
    this.presenters.add(socket)
    if (moderator)
      this.moderators.add(socket)
    send(socket, this.presenterSnapshot(moderator))
  }

  /** Whether this socket joined as the moderating presenter. */
  isModerator(socket: MessageSocket): boolean {
    return this.moderators.has(socket)
  }

  remove(socket: MessageSocket): void {
    this.presenters.delete(socket)
    this.moderators.delete(socket)
    const device = this.participants.get(socket)
    if (device === undefined)
      return
    this.participants.delete(socket)
    const sockets = (this.devices.get(device) ?? 1) - 1
    if (sockets > 0) {
      this.devices.set(device, sockets)
    }
    else {
      this.devices.delete(device)
      this.tallies.markParticipants()
    }
  }

  /** Queues a command; the socket gets an ack or an error with `id` once it is committed. */
  submit(socket: MessageSocket, id: string, command: Command): void {
    this.commits.push({ command, socket, id })
  }

  /** Stored votes the restore could not count (reported at start). */
  get skipped(): readonly SkippedVotes[] {
    return this.machine.skipped
  }

  /** The devices that joined from `address`: what the presenter's "exclude" applies to. */
  devicesFrom(address: string): string[] {
    return this.admission.devicesFrom(address)
  }

  /** Connected devices, and for presenters the addresses holding many. */
  private participantsView(): { connected: number, crowded: CrowdedAddress[] } {
    const crowded = this.admission.crowded().map(({ address, devices }) => ({ address, devices, excluded: this.admission.isBlocked(address) }))
    return { connected: this.devices.size, crowded }
  }

  /** Commits what is queued now instead of on the next turn (after a slice of messages was read). */
  commitNow(): void {
    this.commits.flush()
  }

  /** Commits what is queued, sends what is pending, and stops the timers. */
  close(): void {
    this.commits.flush()
    this.fanout.drain()
    this.tallies.stop()
  }

  private commitBatch(jobs: Job[]): void {
    const { store, sessionId } = this.options
    let outcomes: Outcome[] = []
    try {
      store.transaction(() => {
        outcomes = jobs.map((job) => {
          const outcome = this.machine.apply(job.command)
          if (outcome.ok)
            store.persist(sessionId, outcome.effect)
          return outcome
        })
      })
    }
    catch (error) {
      // Nothing was written: rebuild memory from the last commit and refuse the batch.
      this.options.onError(error)
      this.machine = new PollMachine(this.options.definitions, store.loadState(sessionId))
      outcomes = jobs.map(() => ({ ok: false, code: 'server-error', reason: 'The vote could not be saved; please try again.' }))
    }

    const changedPolls = new Set<string>()
    const displayChanged = new Set<string>()
    let selectionChanged = false
    jobs.forEach((job, index) => {
      const outcome = outcomes[index]!
      if (!outcome.ok) {
        send(job.socket, { type: 'error', code: outcome.code, message: outcome.reason, id: job.id })
        return
      }
      const { effect } = outcome
      if (effect.kind === 'vote') {
        const ack = effect.value === undefined
          ? { vote: { poll: effect.poll, round: effect.round, choice: effect.choice } }
          : { scale: { poll: effect.poll, round: effect.round, value: effect.value } }
        send(job.socket, { type: 'ack', id: job.id, ...ack })
        if (effect.changed)
          this.tallies.markPoll(effect.poll)
        return
      }
      if (effect.kind === 'answer') {
        send(job.socket, { type: 'ack', id: job.id, answer: { poll: effect.poll, round: effect.round, text: effect.text, key: effect.key } })
        if (effect.changed)
          this.tallies.markPoll(effect.poll)
        return
      }
      send(job.socket, { type: 'ack', id: job.id })
      // Phones see open answers only after the reveal: moderating before it concerns presenters alone.
      if (effect.kind === 'display' || (effect.kind === 'moderate' && effect.record.status !== 'revealed'))
        displayChanged.add(effect.record.definition.id)
      else if (effect.kind === 'poll' || effect.kind === 'hands' || effect.kind === 'moderate')
        changedPolls.add(effect.record.definition.id)
      else if (effect.kind === 'exclude')
        effect.polls.forEach(record => changedPolls.add(record.definition.id))
      else
        selectionChanged = true
    })
    if (changedPolls.size > 0 || displayChanged.size > 0 || selectionChanged)
      this.broadcastState(changedPolls, selectionChanged, displayChanged)
  }

  /** Presenters get every changed poll; phones only their current poll, and never for a display change. */
  private broadcastState(changedPolls: Set<string>, selectionChanged: boolean, displayChanged: Set<string>): void {
    const { current } = this.machine
    const records = [...new Set([...changedPolls, ...displayChanged])].map(id => this.machine.poll(id)!)
    this.toPresenters(moderator => ({ type: 'state', current, polls: records.map(record => presenterPoll(record, moderator ? 'moderator' : 'room')) }))
    if (!selectionChanged && (current === null || !changedPolls.has(current)))
      return
    // Each phone gets its own view (it carries that device's votes), serialised once around them.
    const record = current === null ? undefined : this.machine.poll(current)
    const messageFor = participantPollMessages(record)
    for (const [socket, device] of this.participants)
      this.fanout.push(() => socket.readyState === OPEN && socket.send(messageFor(device)))
  }

  private sendTallies(pollIds: string[]): void {
    if (this.presenters.size === 0)
      return
    const participants = this.participantsView()
    const records = pollIds.flatMap(id => this.machine.poll(id) ?? [])
    this.toPresenters(moderator => ({
      type: 'tally',
      participants,
      polls: records.map(record => ({
        id: record.definition.id,
        rounds: roundTallies(record),
        ...(record.definition.kind === 'open' ? { answers: answerRounds(record, moderator ? 'moderator' : 'room') } : {}),
      })),
    }))
  }

  /** Sends each kind of presenter socket its own message: moderators the queue, projectors what the room may see. */
  private toPresenters(messageFor: (moderator: boolean) => ServerMessage): void {
    const projectors = [...this.presenters].filter(socket => !this.moderators.has(socket))
    if (this.moderators.size > 0)
      broadcast(this.moderators, messageFor(true))
    if (projectors.length > 0)
      broadcast(projectors, messageFor(false))
  }

  private participantSnapshot(device: string): ParticipantSnapshot {
    const { current } = this.machine
    const record = current === null ? undefined : this.machine.poll(current)
    return {
      type: 'snapshot',
      v: PROTOCOL_VERSION,
      role: 'participant',
      session: this.options.sessionId,
      poll: record ? participantPoll(record, device) : null,
    }
  }

  private presenterSnapshot(moderator: boolean): PresenterSnapshot {
    return {
      type: 'snapshot',
      v: PROTOCOL_VERSION,
      role: 'presenter',
      join: this.options.join,
      current: this.machine.current,
      polls: this.machine.polls().map(record => presenterPoll(record, moderator ? 'moderator' : 'room')),
      participants: this.participantsView(),
    }
  }
}
