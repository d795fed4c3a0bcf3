// The aggregate results export of one workshop session (`npm run results`): the input
// of the session report. Only counts and approved answer texts: no device ids, no
// per-person data, nothing a participant typed that the presenter did not approve.
import { z } from 'zod'
import { pollStatuses } from '../protocol'

/** Identifies the file type, so a report can refuse a random JSON file. */
export const RESULTS_FORMAT = 'pm-workshop-poll-results'
/** 2: scale polls (`scales`) and open polls (`openPolls`); a version 1 file has neither and still reads. */
export const RESULTS_VERSION = 2

const count = z.number().int().min(0)

export const roundResultSchema = z.object({
  round: z.number().int().min(1),
  /** Devices that voted in this round. */
  voters: count,
  /** Votes per choice, in the order of `choices`. */
  counts: z.array(count),
  /** Votes kept but not counted: the presenter excluded their devices (many devices from one address). */
  excludedVotes: count.default(0),
})

export const pollResultSchema = z.object({
  /** The scenario id. */
  id: z.string().min(1),
  title: z.string(),
  question: z.string(),
  /** The choices as they were when the poll was opened. */
  choices: z.array(z.string()).min(2),
  /** The intended answer, one of `choices`. */
  answer: z.string(),
  answerIndex: z.number().int().min(0),
  /** The poll's state when exported. */
  status: z.enum(pollStatuses),
  /** Round 1, and round 2 when the room voted again. */
  rounds: z.array(roundResultSchema).min(1),
}).superRefine((poll, context) => {
  if (poll.choices[poll.answerIndex] !== poll.answer)
    context.addIssue({ code: 'custom', path: ['answerIndex'], message: 'does not point at the answer among the choices' })
  poll.rounds.forEach((round, index) => {
    if (round.round !== index + 1)
      context.addIssue({ code: 'custom', path: ['rounds', index, 'round'], message: `should be ${index + 1}` })
    if (round.counts.length !== poll.choices.length)
      context.addIssue({ code: 'custom', path: ['rounds', index, 'counts'], message: `has ${round.counts.length} counts for ${poll.choices.length} choices` })
    if (round.counts.reduce((sum, n) => sum + n, 0) !== round.voters)
      context.addIssue({ code: 'custom', path: ['rounds', index, 'voters'], message: 'is not the sum of the counts' })
  })
})

/** One round of a scale poll: votes per value from min to max. */
export const scaleRoundSchema = z.object({
  round: z.number().int().min(1),
  voters: count,
  /** Votes per value, index 0 is `min`. */
  counts: z.array(count),
  /** Median value; null when nobody voted. */
  median: z.number().nullable(),
  excludedVotes: count.default(0),
})

export const scaleResultSchema = z.object({
  id: z.string().min(1),
  kind: z.literal('scale'),
  title: z.string(),
  question: z.string(),
  min: z.number().int(),
  max: z.number().int(),
  minLabel: z.string(),
  maxLabel: z.string(),
  status: z.enum(pollStatuses),
  /** Round 1, and round 2 when the room placed itself again (did it move?). */
  rounds: z.array(scaleRoundSchema).min(1),
}).superRefine((poll, context) => {
  poll.rounds.forEach((round, index) => {
    if (round.counts.length !== poll.max - poll.min + 1)
      context.addIssue({ code: 'custom', path: ['rounds', index, 'counts'], message: `has ${round.counts.length} counts for ${poll.max - poll.min + 1} values` })
  })
})

/** One round of an open poll: how many answered, and the approved answers grouped. */
export const openRoundSchema = z.object({
  round: z.number().int().min(1),
  /** Devices that gave at least one counted answer. */
  respondents: count,
  /** Answers counted, approved or not. */
  answers: count,
  /** Approved answers, grouped (case-folded), most frequent first: the only texts an export carries. */
  approved: z.array(z.object({ text: z.string(), count: count.min(1), approved: z.literal(true) })),
})

export const openResultSchema = z.object({
  id: z.string().min(1),
  kind: z.literal('open'),
  title: z.string(),
  question: z.string(),
  status: z.enum(pollStatuses),
  rounds: z.array(openRoundSchema).min(1),
})

export const sessionResultsSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.union([z.literal(1), z.literal(RESULTS_VERSION)]),
  exportedAt: z.iso.datetime(),
  session: z.object({ id: z.string().min(1), createdAt: z.iso.datetime() }),
  /** Choice polls that were opened, in the order they were first opened. */
  polls: z.array(pollResultSchema),
  /** Scale polls that were opened, in that order. */
  scales: z.array(scaleResultSchema).optional(),
  /** Open polls that were opened, in that order. */
  openPolls: z.array(openResultSchema).optional(),
})

export type RoundResult = z.infer<typeof roundResultSchema>
export type PollResult = z.infer<typeof pollResultSchema>
export type SessionResults = z.infer<typeof sessionResultsSchema>
export type ScaleResult = z.infer<typeof scaleResultSchema>
export type OpenResult = z.infer<typeof openResultSchema>
