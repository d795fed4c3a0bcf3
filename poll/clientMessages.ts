// Client → server messages of the live-poll protocol (poll/protocol.ts is the module everyone imports).
import * as z from 'zod/mini'
import { choiceIndexSchema, MAX_OPTIONS, pollIdSchema } from './pollDefinition'
import { answerKeySchema, controlActions, deviceIdSchema, MAX_HANDS_PER_CHOICE, MAX_MODERATE_KEYS, messageIdSchema, roundSchema } from './protocolBase'

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

export const clientMessageSchema = z.discriminatedUnion('type', [helloSchema, voteSchema, scaleVoteSchema, answerSchema, moderateSchema, controlSchema, selectSchema, handsSchema, displaySchema, excludeSchema, pingSchema])
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
export const clientMessageTypes = ['hello', 'vote', 'scale', 'answer', 'moderate', 'control', 'select', 'hands', 'display', 'exclude', 'ping'] as const
