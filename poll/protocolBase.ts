// The protocol's constants, enums and the schema pieces both directions share (poll/protocol.ts
// is the module everyone imports).
import * as z from 'zod/mini'
import { MAX_OPTIONS } from './pollDefinition'

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

export const errorCodes = [
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
export const messageIdSchema = z.string().check(z.regex(/^[\w-]{1,40}$/))
export const sessionIdSchema = z.string().check(z.regex(/^[\w.-]{1,64}$/))
export const roundSchema = z.int().check(z.minimum(1), z.maximum(MAX_ROUNDS))
export const countSchema = z.int().check(z.minimum(0))
/** Index of a choice, or of a scale point (value − min). */
export const optionIndexSchema = z.int().check(z.minimum(0), z.maximum(MAX_OPTIONS - 1))
/** The grouping key of an open answer (case-folded text). */
export const answerKeySchema = z.string().check(z.minLength(1), z.maxLength(MAX_MESSAGE_BYTES))

/** Votes per choice in one round; `voters` is the number of devices with a vote. */
export const roundTallySchema = z.object({
  round: roundSchema,
  counts: z.array(countSchema),
  voters: countSchema,
  /** Scale polls: the median value of the round (null with no votes). */
  median: z.optional(z.nullable(z.number())),
})
export type RoundTally = z.infer<typeof roundTallySchema>

/** What the projectors show of a poll before and beside the reveal; set by the presenter, kept by the server. */
export const pollDisplaySchema = z.object({
  /** The room sees the live bars before the reveal. */
  showResults: z.boolean(),
  /** The room sees round 1 beside round 2. */
  compareRounds: z.boolean(),
})
export type PollDisplay = z.infer<typeof pollDisplaySchema>

/** Open answers that normalise to the same key, shown as one word of the cloud. */
export const answerGroupSchema = z.object({
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
export const answerRoundSchema = z.object({
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
