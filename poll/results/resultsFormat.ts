// The aggregate results export of one workshop session (`npm run results`): the input
// of the session report. Only counts: no device ids, no per-person data.
import { z } from 'zod'
import { pollStatuses } from '../protocol'

/** Identifies the file type, so a report can refuse a random JSON file. */
export const RESULTS_FORMAT = 'pm-workshop-poll-results'
export const RESULTS_VERSION = 1

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

export const sessionResultsSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  version: z.literal(RESULTS_VERSION),
  exportedAt: z.iso.datetime(),
  session: z.object({ id: z.string().min(1), createdAt: z.iso.datetime() }),
  /** Polls that were opened, in the order they were first opened. */
  polls: z.array(pollResultSchema),
})

export type RoundResult = z.infer<typeof roundResultSchema>
export type PollResult = z.infer<typeof pollResultSchema>
export type SessionResults = z.infer<typeof sessionResultsSchema>
