// Server → client messages of the live-poll protocol (poll/protocol.ts is the module everyone imports).
import * as z from 'zod/mini'
import { choiceIndexSchema, pollIdSchema, pollKinds } from './pollDefinition'
import { answerKeySchema, answerRoundSchema, countSchema, errorCodes, messageIdSchema, optionIndexSchema, pollDisplaySchema, pollStatuses, roundSchema, roundTallySchema, sessionIdSchema } from './protocolBase'

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

export const serverMessageSchema = z.discriminatedUnion('type', [
  snapshotSchema,
  pollUpdateSchema,
  stateSchema,
  tallySchema,
  ackSchema,
  errorSchema,
  pongSchema,
])
export type ServerMessage = z.infer<typeof serverMessageSchema>
export const serverMessageTypes = ['snapshot', 'poll', 'state', 'tally', 'ack', 'error', 'pong'] as const

/** The JSON body of PRESENTER_TOKEN_PATH. */
export const presenterTokenResponseSchema = z.object({ token: z.string() })
