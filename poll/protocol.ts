// The live-poll wire protocol, shared by the poll server, the deck and the phone page.
// Browser-safe: no Node imports, and zod/mini so the phone page stays small
// (classic zod adds ~90 KB gzipped to a bundle, zod/mini ~7 KB).
import * as z from 'zod/mini'
import { choiceIndexSchema, MAX_OPTIONS, pollIdSchema, pollKinds } from './pollDefinition'

// Ports, routes and join links are part of the protocol too; they live in their own file.
export * from './joinLinks'

/**
 * Bump when a message changes incompatibly; a connection states it once, in `hello`, and
 * an older client is refused with "reload the page". 2: what the room sees (results
 * shown, rounds compared) is poll state on the server (`display`), so every projector follows it.
 * 3: the show-of-hands message is `hands` (was `manual-tally`).
 * 4: poll kinds (choice, scale, open) with `scale`, `answer` and `moderate` messages (docs/poll-kinds.md).
 */
export const PROTOCOL_VERSION = 4

/** Largest accepted frame; the biggest legal client message is well under 1 KiB. */
export const MAX_MESSAGE_BYTES = 4096
/** Peer instruction: vote, discuss, vote again. Both rounds are kept. */
export const MAX_ROUNDS = 2
/** Most groups of open answers a view lists (the most frequent first); the rest are only counted. */
export const MAX_LISTED_GROUPS = 50
/** Most groups the presenter's moderation queue lists per round (pending first); the rest are counted. */
export const MAX_QUEUE_GROUPS = 500
/** Most keys one `moderate` message may name. */
export const MAX_MODERATE_KEYS = 500
/** Most hands per choice a presenter can enter in a show of hands (a room is 10–500 people). */
export const MAX_HANDS_PER_CHOICE = 1000
/** Join codes use letters and digits that cannot be misread (no 0/O, 1/I). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
export const JOIN_CODE_LENGTH = 5

/** WebSocket close codes the server uses; a client must not reconnect after the fatal ones. */
export const CloseCode = {
  /** Server shutting down: reconnect later. */
  goingAway: 1001,
  /** Frame larger than MAX_MESSAGE_BYTES (sent by `ws` itself). */
  tooBig: 1009,
  badToken: 4401,
  badJoinCode: 4403,
  helloTimeout: 4408,
  unsupportedVersion: 4426,
  rateLimited: 4429,
} as const

/** Close codes after which reconnecting cannot help without a new token, code or client. */
export const FATAL_CLOSE_CODES: readonly number[] = [CloseCode.badToken, CloseCode.badJoinCode, CloseCode.unsupportedVersion]

const errorCodes = [
  // The frame itself: not JSON, wrong fields, unknown type, old client.
  ...['bad-json', 'bad-message', 'unknown-type', 'unsupported-version'] as const,
  // Joining: hello first and once, the right join code or presenter token, not too many guesses.
  ...['not-joined', 'already-joined', 'bad-join-code', 'too-many-attempts', 'bad-token', 'forbidden'] as const,
  // One device, one vote: too many new devices from one address; a device whose votes the presenter excluded.
  ...['too-many-devices', 'excluded'] as const,
  // Polls: the poll must exist and be open, in this round, with this choice; lifecycle order.
  ...['unknown-poll', 'poll-not-open', 'wrong-round', 'bad-choice', 'bad-transition'] as const,
  // Poll kinds: a message for another kind of poll, a scale value off the scale, an unusable or one answer too many.
  ...['wrong-kind', 'bad-value', 'bad-answer', 'too-many-answers'] as const,
  // The server: flood protection, and a failed commit (try again).
  ...['rate-limited', 'server-error'] as const,
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const pollStatuses = ['draft', 'open', 'closed', 'revealed'] as const
export type PollStatus = (typeof pollStatuses)[number]

export const controlActions = ['open', 'close', 'reveal', 'reset', 'next-round'] as const
export type ControlAction = (typeof controlActions)[number]

/** Where an open answer's group stands: new answers are pending (or hidden when the word list flags them) until the presenter decides. */
export const moderationStatuses = ['pending', 'approved', 'hidden'] as const
export type ModerationStatus = (typeof moderationStatuses)[number]

// ---- Shared pieces ----------------------------------------------------------------

/** A random id the phone keeps in localStorage: the only thing stored about a participant. */
export const deviceIdSchema = z.string().check(z.regex(/^[\w-]{16,64}$/))
/** Chosen by the client; echoed in the ack or error that answers the message. */
const messageIdSchema = z.string().check(z.regex(/^[\w-]{1,40}$/))
export const sessionIdSchema = z.string().check(z.regex(/^[\w.-]{1,64}$/))
const roundSchema = z.int().check(z.minimum(1), z.maximum(MAX_ROUNDS))
const countSchema = z.int().check(z.minimum(0))
/** Index of a choice, or of a scale point (value − min). */
const optionIndexSchema = z.int().check(z.minimum(0), z.maximum(MAX_OPTIONS - 1))
/** The grouping key of an open answer (case-folded text). */
const answerKeySchema = z.string().check(z.minLength(1), z.maxLength(MAX_MESSAGE_BYTES))

/** Votes per choice in one round; `voters` is the number of devices with a vote. */
const roundTallySchema = z.object({
  round: roundSchema,
  counts: z.array(countSchema),
  voters: countSchema,
  /** Scale polls: the median value of the round (null with no votes). */
  median: z.optional(z.nullable(z.number())),
})
export type RoundTally = z.infer<typeof roundTallySchema>

/** What the projectors show of a poll before and beside the reveal; set by the presenter, kept by the server. */
const pollDisplaySchema = z.object({
  /** The room sees the live bars before the reveal. */
  showResults: z.boolean(),
  /** The room sees round 1 beside round 2. */
  compareRounds: z.boolean(),
})
export type PollDisplay = z.infer<typeof pollDisplaySchema>

/** Open answers that normalise to the same key, shown as one word of the cloud. */
const answerGroupSchema = z.object({
  key: answerKeySchema,
  /** The text as first given (normalised). Plain text: never render it as HTML. */
  text: z.string(),
  /** Answers in this group this round. */
  count: countSchema,
  /** Presenter's moderation queue only. */
  status: z.optional(z.enum(moderationStatuses)),
  /** Presenter's moderation queue only: the built-in word list hid it. */
  flagged: z.optional(z.boolean()),
})
export type AnswerGroup = z.infer<typeof answerGroupSchema>

/** One round of an open poll: the room gets approved groups only, the moderating presenter every group. */
const answerRoundSchema = z.object({
  round: roundSchema,
  /** The most frequent groups first (the queue: pending first), at most MAX_LISTED_GROUPS / MAX_QUEUE_GROUPS. */
  groups: z.array(answerGroupSchema),
  /** Groups left out of `groups`. */
  more: countSchema,
  /** Answers counted in this view (the room: approved ones). */
  answers: countSchema,
  /** Moderating presenter only: answers per status. */
  byStatus: z.optional(z.object({ pending: countSchema, approved: countSchema, hidden: countSchema })),
})
export type AnswerRound = z.infer<typeof answerRoundSchema>

// ---- Client → server ----------------------------------------------------------------

const participantHelloSchema = z.strictObject({
  type: z.literal('hello'),
  v: z.int(),
  role: z.literal('participant'),
  device: deviceIdSchema,
  /** The join code from the QR link or typed by hand; case and spaces are ignored. */
  code: z.string().check(z.maxLength(16)),
})

const presenterHelloSchema = z.strictObject({
  type: z.literal('hello'),
  v: z.int(),
  role: z.literal('presenter'),
  token: z.string().check(z.maxLength(256)),
  /** The presenter's own screen: it gets the moderation queue and may moderate. Omitted: a projector, which sees approved answers only. */
  moderator: z.optional(z.boolean()),
})

const helloSchema = z.discriminatedUnion('role', [participantHelloSchema, presenterHelloSchema])

const voteSchema = z.strictObject({
  type: z.literal('vote'),
  id: messageIdSchema,
  poll: pollIdSchema,
  round: roundSchema,
  choice: choiceIndexSchema,
})

/** A participant's place on a scale poll (`value` between the poll's min and max). */
const scaleVoteSchema = z.strictObject({
  type: z.literal('scale'),
  id: messageIdSchema,
  poll: pollIdSchema,
  round: roundSchema,
  // Any number, so a value off the scale or not whole gets a typed `bad-value`.
  value: z.number(),
})

/**
 * A participant's typed answer to an open poll. The server normalises it (answerText.ts),
 * refuses it with `bad-answer` (empty, over MAX_ANSWER_GRAPHEMES) or `too-many-answers`,
 * and acknowledges the same text again without counting it twice.
 */
const answerSchema = z.strictObject({
  type: z.literal('answer'),
  id: messageIdSchema,
  poll: pollIdSchema,
  round: roundSchema,
  text: z.string(),
})

/** Presenter (moderator) only: approve or hide answer groups of an open poll, by key or every pending one. */
const moderateSchema = z.strictObject({
  type: z.literal('moderate'),
  id: messageIdSchema,
  poll: pollIdSchema,
  keys: z.union([z.literal('pending'), z.array(answerKeySchema).check(z.minLength(1), z.maxLength(MAX_MODERATE_KEYS))]),
  status: z.enum(['approved', 'hidden']),
})

const controlSchema = z.strictObject({
  type: z.literal('control'),
  id: messageIdSchema,
  action: z.enum(controlActions),
  poll: pollIdSchema,
})

/** Which poll the phones show (null: a waiting screen). Opening a poll also selects it. */
const selectSchema = z.strictObject({
  type: z.literal('select'),
  id: messageIdSchema,
  poll: z.nullable(pollIdSchema),
})

/**
 * Presenter only: the show-of-hands counts taken while the deck could not reach the
 * server. They replace any earlier show of hands for that poll and round and count like
 * votes (tallies, results); a poll that was never opened becomes closed.
 */
const handsSchema = z.strictObject({
  type: z.literal('hands'),
  id: messageIdSchema,
  poll: pollIdSchema,
  round: roundSchema,
  counts: z.array(z.int().check(z.minimum(0), z.maximum(MAX_HANDS_PER_CHOICE))).check(z.minLength(1), z.maxLength(MAX_OPTIONS)),
})

/** Presenter only: changes what the room sees of a poll (omitted flags stay as they are). */
const displaySchema = z.strictObject({
  type: z.literal('display'),
  id: messageIdSchema,
  poll: pollIdSchema,
  showResults: z.optional(z.boolean()),
  compareRounds: z.optional(z.boolean()),
})

/**
 * Presenter only: stop counting the votes of every device that joined from `address`
 * (shown to the presenter as a crowded address). The votes stay in the store, marked
 * excluded, and the results export reports them; new devices from that address are refused.
 */
const excludeSchema = z.strictObject({
  type: z.literal('exclude'),
  id: messageIdSchema,
  address: z.string().check(z.minLength(1), z.maxLength(64)),
})

/** Application-level ping: browsers cannot send WebSocket pings, and a phone must notice a dead link. */
const pingSchema = z.strictObject({ type: z.literal('ping') })

const clientMessageSchema = z.discriminatedUnion('type', [helloSchema, voteSchema, scaleVoteSchema, answerSchema, moderateSchema, controlSchema, selectSchema, handsSchema, displaySchema, excludeSchema, pingSchema])
export type ClientMessage = z.infer<typeof clientMessageSchema>
export type HelloMessage = z.infer<typeof helloSchema>
export type ControlMessage = z.infer<typeof controlSchema>
export type SelectMessage = z.infer<typeof selectSchema>
export type HandsMessage = z.infer<typeof handsSchema>
export type DisplayMessage = z.infer<typeof displaySchema>
export type ExcludeMessage = z.infer<typeof excludeSchema>
export type ModerateMessage = z.infer<typeof moderateSchema>
export type VoteMessage = z.infer<typeof voteSchema>
export type ScaleVoteMessage = z.infer<typeof scaleVoteSchema>
export type AnswerMessage = z.infer<typeof answerSchema>
const clientMessageTypes = ['hello', 'vote', 'scale', 'answer', 'moderate', 'control', 'select', 'hands', 'display', 'exclude', 'ping'] as const

// ---- Server → client ----------------------------------------------------------------

/** What a phone sees of the current poll. `reveal` is null until the presenter reveals. */
const participantPollSchema = z.object({
  kind: z.enum(pollKinds),
  id: pollIdSchema,
  title: z.string(),
  situation: z.string(),
  question: z.string(),
  /** Choice polls; empty for the other kinds. */
  choices: z.array(z.string()),
  /** Scale polls: the range and its end labels. */
  scale: z.nullable(z.object({ min: z.int(), max: z.int(), minLabel: z.string(), maxLabel: z.string() })),
  /** Open polls: how many answers a device may give per round, and how long each may be. */
  open: z.nullable(z.object({ maxAnswers: z.int(), maxLength: z.int() })),
  status: z.enum(pollStatuses),
  round: roundSchema,
  /** This device's vote per round (index 0 is round 1): a choice, or a scale point's index (value − min); null where it has not voted. */
  myVotes: z.array(z.nullable(optionIndexSchema)),
  /** Open polls: this device's own answers per round, as stored (whatever their moderation). */
  myAnswers: z.array(z.array(z.string())),
  reveal: z.nullable(z.object({
    /** The intended choice; null for scale and open polls, which have no right answer. */
    answer: z.nullable(choiceIndexSchema),
    rationale: z.string(),
    debrief: z.array(z.string()),
    rounds: z.array(roundTallySchema),
    /** Open polls: approved groups per round. */
    answers: z.optional(z.array(answerRoundSchema)),
  })),
})
export type ParticipantPoll = z.infer<typeof participantPollSchema>

/** What the deck sees of a poll: state and every round's tally (the deck has the text itself). */
const presenterPollSchema = z.object({
  id: pollIdSchema,
  kind: z.enum(pollKinds),
  status: z.enum(pollStatuses),
  round: roundSchema,
  /** The intended choice; null for scale and open polls. */
  answer: z.nullable(choiceIndexSchema),
  rounds: z.array(roundTallySchema),
  display: pollDisplaySchema,
  /** Open polls: the answer groups per round (a projector: approved only; the moderator: the queue). */
  answers: z.optional(z.array(answerRoundSchema)),
})
export type PresenterPoll = z.infer<typeof presenterPollSchema>

/** An address that brought many devices: a venue NAT or proxy, or one laptop inventing phones. */
const crowdedAddressSchema = z.object({
  address: z.string(),
  devices: countSchema,
  /** The presenter excluded this address's votes. */
  excluded: z.boolean(),
})
export type CrowdedAddress = z.infer<typeof crowdedAddressSchema>

const participantsSchema = z.object({
  /** Distinct devices connected now. */
  connected: countSchema,
  /** Addresses with many devices, the most first (presenters only; phones never see addresses). */
  crowded: z.optional(z.array(crowdedAddressSchema)),
})

const joinInfoSchema = z.object({
  session: sessionIdSchema,
  code: z.string(),
  /** The URL for the QR code: the vote page with the code in it. */
  url: z.string(),
})
export type JoinInfo = z.infer<typeof joinInfoSchema>

const participantSnapshotSchema = z.object({
  type: z.literal('snapshot'),
  v: z.int(),
  role: z.literal('participant'),
  session: sessionIdSchema,
  /** The poll the presenter selected, or null while there is none (waiting screen). */
  poll: z.nullable(participantPollSchema),
})

const presenterSnapshotSchema = z.object({
  type: z.literal('snapshot'),
  v: z.int(),
  role: z.literal('presenter'),
  join: joinInfoSchema,
  current: z.nullable(pollIdSchema),
  /** Every poll the server knows (the scenario library), in library order. */
  polls: z.array(presenterPollSchema),
  participants: participantsSchema,
})

/** Sent after every accepted hello, so a (re)connecting client needs no history. */
const snapshotSchema = z.discriminatedUnion('role', [participantSnapshotSchema, presenterSnapshotSchema])
export type ParticipantSnapshot = z.infer<typeof participantSnapshotSchema>
export type PresenterSnapshot = z.infer<typeof presenterSnapshotSchema>
export type Snapshot = z.infer<typeof snapshotSchema>

/** To phones: the current poll changed (another poll selected, or its state changed). */
const pollUpdateSchema = z.object({
  type: z.literal('poll'),
  poll: z.nullable(participantPollSchema),
})

/** To presenters: the selected poll and the polls whose state changed. */
const stateSchema = z.object({
  type: z.literal('state'),
  current: z.nullable(pollIdSchema),
  polls: z.array(presenterPollSchema),
})

/** To presenters, coalesced (about every 50 ms): tallies of polls that got votes, and participant counts. */
const tallySchema = z.object({
  type: z.literal('tally'),
  participants: participantsSchema,
  polls: z.array(z.object({ id: pollIdSchema, rounds: z.array(roundTallySchema), answers: z.optional(z.array(answerRoundSchema)) })),
})

/** Answers a vote, control or select by id, only after the change is committed to disk. */
const ackSchema = z.object({
  type: z.literal('ack'),
  id: messageIdSchema,
  vote: z.optional(z.object({ poll: pollIdSchema, round: roundSchema, choice: choiceIndexSchema })),
  scale: z.optional(z.object({ poll: pollIdSchema, round: roundSchema, value: z.int() })),
  /** The answer as stored: its normalised text and group key. */
  answer: z.optional(z.object({ poll: pollIdSchema, round: roundSchema, text: z.string(), key: answerKeySchema })),
})

/** A refused message. `id` is set when the refused message had one; `message` never echoes input. */
const errorSchema = z.object({
  type: z.literal('error'),
  code: z.enum(errorCodes),
  message: z.string(),
  id: z.optional(messageIdSchema),
})

const pongSchema = z.object({ type: z.literal('pong') })

const serverMessageSchema = z.discriminatedUnion('type', [
  snapshotSchema,
  pollUpdateSchema,
  stateSchema,
  tallySchema,
  ackSchema,
  errorSchema,
  pongSchema,
])
export type ServerMessage = z.infer<typeof serverMessageSchema>
const serverMessageTypes = ['snapshot', 'poll', 'state', 'tally', 'ack', 'error', 'pong'] as const

/** The JSON body of PRESENTER_TOKEN_PATH. */
export const presenterTokenResponseSchema = z.object({ token: z.string() })

// ---- Parsing -------------------------------------------------------------------------

type ParseResult<T>
  = | { ok: true, message: T }
    | { ok: false, code: Extract<ErrorCode, 'bad-json' | 'bad-message' | 'unknown-type'>, id?: string }

/** Parses one client frame: invalid JSON, an unknown type and a wrong shape get distinct codes. */
export function parseClientMessage(raw: string): ParseResult<ClientMessage> {
  return parseWith(raw, clientMessageSchema, clientMessageTypes)
}

/** Parses one server frame (the deck and phone validate what they receive, too). */
export function parseServerMessage(raw: string): ParseResult<ServerMessage> {
  return parseWith(raw, serverMessageSchema, serverMessageTypes)
}

function parseWith<T>(raw: string, schema: z.ZodMiniType<T>, types: readonly string[]): ParseResult<T> {
  let data: unknown
  try {
    data = JSON.parse(raw)
  }
  catch {
    return { ok: false, code: 'bad-json' }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, code: 'bad-message' }
  const { type, id } = data as { type?: unknown, id?: unknown }
  // Echo the id only when it is well formed, so an error never carries raw input back.
  const echo = messageIdSchema.safeParse(id).success ? { id: id as string } : {}
  if (typeof type !== 'string' || !types.includes(type))
    return { ok: false, code: typeof type === 'string' ? 'unknown-type' : 'bad-message', ...echo }
  const result = schema.safeParse(data)
  return result.success ? { ok: true, message: result.data } : { ok: false, code: 'bad-message', ...echo }
}
