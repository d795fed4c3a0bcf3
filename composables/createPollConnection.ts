// The deck's link to the poll server: fetches the presenter token, keeps one
// reconnecting presenter socket, and holds what the server last said (join info,
// participants, every poll's state and tally) in refs the slides render.
import type { ShallowRef } from 'vue'
import type { PollClient, WebSocketConstructor } from '../poll/client'
import type { AnswerRound, ControlAction, CrowdedAddress, JoinInfo, PollDisplay, PresenterPoll, RoundTally, ServerMessage } from '../poll/protocol'
import { shallowRef } from 'vue'
import { backoffDelay, createPollClient, fetchPresenterToken } from '../poll/client'
import { HEALTH_PATH, socketUrl } from '../poll/protocol'

/**
 * `connecting`: first contact. `open`: joined as presenter. `reconnecting`: the link
 * dropped and is being redialled. `unreachable`: nothing answers at the URL.
 * `refused`: the server answers but gave or accepted no presenter token.
 */
export type PollLinkStatus = 'connecting' | 'open' | 'reconnecting' | 'unreachable' | 'refused'

export interface PollConnection {
  /** The poll server's origin, e.g. `http://localhost:3040`. */
  readonly serverUrl: string
  readonly status: Readonly<ShallowRef<PollLinkStatus>>
  /** When a joined link dropped (ms since the epoch); null while it is up or before the first join. */
  readonly downSince: Readonly<ShallowRef<number | null>>
  /** What is wrong and what to do, in plain words; empty while open. */
  readonly problem: Readonly<ShallowRef<string>>
  readonly join: Readonly<ShallowRef<JoinInfo | null>>
  /** Phones connected now. */
  readonly participants: Readonly<ShallowRef<number>>
  /** Addresses that brought many devices (one laptop inventing phones, or a venue NAT). */
  readonly crowded: Readonly<ShallowRef<readonly CrowdedAddress[]>>
  /** The poll the phones show. */
  readonly current: Readonly<ShallowRef<string | null>>
  readonly polls: Readonly<ShallowRef<ReadonlyMap<string, PresenterPoll>>>
  /** Resolves once the server has committed the change; rejects with its reason. */
  control: (action: ControlAction, poll: string) => Promise<void>
  /** Stores a show of hands taken while the server was unreachable; resolves once committed. */
  hands: (poll: string, round: number, counts: number[]) => Promise<void>
  /** Changes what every projector shows of a poll (results, both rounds); resolves once the server has it. */
  display: (poll: string, patch: Partial<PollDisplay>) => Promise<void>
  /** Stops counting the votes of the devices from `address`; resolves once committed. */
  exclude: (address: string) => Promise<void>
  /** This link said `moderator: true` in its hello: it gets every answer with its status, and may moderate. */
  readonly moderator: Readonly<ShallowRef<boolean>>
  /** Approves or hides answer groups of an open poll (a moderating link only); resolves once committed. */
  moderate: (poll: string, keys: readonly string[] | 'pending', status: 'approved' | 'hidden') => Promise<void>
  /** The presenter's own screen moderates, a projector does not: redials with the new hello when it changes. */
  setModerator: (on: boolean) => void
  /** Uses a token typed by the presenter (a poll server on another computer: `--show-token`). */
  useToken: (token: string) => void
  /** Tries again now (e.g. the browser came back online). */
  retry: () => void
  close: () => void
}

export interface CreatePollConnectionOptions {
  serverUrl: string
  WebSocket: WebSocketConstructor
  fetch?: typeof fetch
  /** Where a typed token is kept, so the projector window of the same browser can use it too. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>
  /** Origin of the deck, quoted in the advice for --allow-origin. */
  deckOrigin?: string
  random?: () => number
  /** Say `moderator: true` in the hello: the presenter's own screen, never a projector. */
  moderator?: boolean
}

const TOKEN_STORAGE_PREFIX = 'pm-workshop-presenter-token:'

/** Starts connecting at once. */
export function createPollConnection(options: CreatePollConnectionOptions): PollConnection {
  const { serverUrl, fetch: fetchImpl = globalThis.fetch.bind(globalThis), storage, random = Math.random } = options
  const tokenKey = TOKEN_STORAGE_PREFIX + serverUrl
  const status = shallowRef<PollLinkStatus>('connecting')
  const downSince = shallowRef<number | null>(null)
  const problem = shallowRef('')
  const join = shallowRef<JoinInfo | null>(null)
  const participants = shallowRef(0)
  const crowded = shallowRef<readonly CrowdedAddress[]>([])
  const current = shallowRef<string | null>(null)
  const polls = shallowRef<ReadonlyMap<string, PresenterPoll>>(new Map())
  const moderator = shallowRef(options.moderator ?? false)
  let client: PollClient | undefined
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let attempt = 0
  let closed = false
  let generation = 0
  /** A token the presenter typed; also kept in storage when there is some. */
  let typedToken: string | undefined

  const allowOriginHint = options.deckOrigin ? ` --allow-origin ${options.deckOrigin}` : ' --allow-origin <this deck\'s address>'

  function setProblem(next: PollLinkStatus, text: string): void {
    if (next === 'open')
      downSince.value = null
    else if (status.value === 'open')
      downSince.value = Date.now()
    status.value = next
    problem.value = text
  }

  async function start(): Promise<void> {
    const mine = ++generation
    retryTimer = undefined
    const token = readStoredToken() ?? await fetchToken()
    if (token === undefined || closed || mine !== generation)
      return
    connect(token)
  }

  async function fetchToken(): Promise<string | undefined> {
    try {
      return await fetchPresenterToken(serverUrl, fetchImpl)
    }
    catch {
      // A refusal without CORS headers looks like a network error to a page: ask the health route, which answers anyone.
      if (await answers())
        setProblem('refused', `The poll server at ${serverUrl} is running but did not give this deck the presenter token. Start it with${allowOriginHint}, or paste the token it prints with --show-token.`)
      else
        setProblem('unreachable', `No poll server answers at ${serverUrl}. Start it with npm start (or npm run poll-server), or take a show of hands.`)
      scheduleRetry()
      return undefined
    }
  }

  async function answers(): Promise<boolean> {
    try {
      await fetchImpl(new URL(HEALTH_PATH, serverUrl), { mode: 'no-cors', cache: 'no-store', credentials: 'omit' })
      return true
    }
    catch {
      return false
    }
  }

  function connect(token: string): void {
    client = createPollClient({
      url: socketUrl(serverUrl),
      WebSocket: options.WebSocket,
      // Omitted rather than false for a projector: the hello a projector always sent.
      hello: moderator.value ? { role: 'presenter', token, moderator: true } : { role: 'presenter', token },
      random,
      onMessage: receive,
      onStatus(next) {
        if (next === 'open') {
          attempt = 0
          setProblem('open', '')
        }
        else if (next === 'reconnecting') {
          setProblem('reconnecting', `Lost the poll server at ${serverUrl}; reconnecting. Votes and answers already received are saved.`)
        }
      },
      onFatal() {
        // The token is wrong for this server (say, a new data directory): fetch it again.
        forgetStoredToken()
        client = undefined
        setProblem('refused', `The poll server at ${serverUrl} refused this deck's presenter token. Restart the deck, or paste the token it prints with --show-token.`)
        scheduleRetry()
      },
    })
  }

  function receive(message: ServerMessage): void {
    if (message.type === 'snapshot' && message.role === 'presenter') {
      join.value = message.join
      current.value = message.current
      participants.value = message.participants.connected
      crowded.value = message.participants.crowded ?? []
      polls.value = new Map(message.polls.map(poll => [poll.id, poll]))
    }
    else if (message.type === 'state') {
      current.value = message.current
      const next = new Map(polls.value)
      for (const poll of message.polls)
        next.set(poll.id, poll)
      polls.value = next
    }
    else if (message.type === 'tally') {
      participants.value = message.participants.connected
      crowded.value = message.participants.crowded ?? []
      if (message.polls.length > 0)
        polls.value = withTallies(polls.value, message.polls)
    }
  }

  function scheduleRetry(): void {
    if (closed)
      return
    clearTimeout(retryTimer)
    retryTimer = setTimeout(start, backoffDelay(attempt++, { baseMs: 1000, maxMs: 10_000 }, random))
  }

  function readStoredToken(): string | undefined {
    try {
      return typedToken ?? (storage?.getItem(tokenKey) || undefined)
    }
    catch {
      return undefined
    }
  }

  function forgetStoredToken(): void {
    typedToken = undefined
    try {
      storage?.removeItem(tokenKey)
    }
    catch {}
  }

  function restart(): void {
    clearTimeout(retryTimer)
    client?.close()
    client = undefined
    attempt = 0
    void start()
  }

  void start()

  return {
    serverUrl,
    status,
    downSince,
    problem,
    join,
    participants,
    crowded,
    current,
    polls,
    control(action, poll) {
      return client ? client.control(action, poll) : Promise.reject(new Error('Not connected to the poll server.'))
    },
    hands(poll, round, counts) {
      return client ? client.hands(poll, round, counts) : Promise.reject(new Error('Not connected to the poll server.'))
    },
    display(poll, patch) {
      return client ? client.display(poll, patch) : Promise.reject(new Error('Not connected to the poll server.'))
    },
    exclude(address) {
      return client ? client.exclude(address) : Promise.reject(new Error('Not connected to the poll server.'))
    },
    moderator,
    moderate(poll, keys, status) {
      return client ? client.moderate(poll, keys === 'pending' ? keys : [...keys], status) : Promise.reject(new Error('Not connected to the poll server.'))
    },
    setModerator(on) {
      if (on === moderator.value)
        return
      moderator.value = on
      // The queue is sent per link: only a new hello turns it on or off.
      if (!closed)
        restart()
    },
    useToken(token) {
      typedToken = token.trim()
      try {
        storage?.setItem(tokenKey, typedToken)
      }
      catch {}
      restart()
    },
    retry() {
      if (closed)
        return
      if (client)
        client.reconnect()
      else
        restart()
    },
    close() {
      closed = true
      generation++
      clearTimeout(retryTimer)
      client?.close()
      client = undefined
    },
  }
}

function withTallies(polls: ReadonlyMap<string, PresenterPoll>, tallies: { id: string, rounds: RoundTally[], answers?: AnswerRound[] }[]): Map<string, PresenterPoll> {
  const next = new Map(polls)
  for (const { id, rounds, answers } of tallies) {
    const poll = next.get(id)
    // Open polls' tallies carry their answer groups too.
    if (poll)
      next.set(id, { ...poll, rounds, ...(answers ? { answers } : {}) })
  }
  return next
}
