// Scale and open polls ("prompts"): questions with no intended answer, written as data
// beside the scenarios, in the same folder and index, read by the same loader.
import { z } from 'zod'
import { MAX_ANSWERS_PER_DEVICE, MAX_SCALE_POINTS, SCALE_VALUE_RANGE } from '../poll/pollDefinition.ts'
import { LIMITS, scenarioIdSchema, sectionSchema, text } from './scenarioSchema.ts'

/** Length of a scale's end labels, so both fit under the buttons on a phone. */
export const SCALE_LABEL_MAX = 30

const common = {
  id: scenarioIdSchema
    .describe('Stable kebab-case id; must equal the file name without .yaml.'),
  section: sectionSchema
    .describe('Workshop section this poll belongs to; must match the section index.yaml lists it under.'),
  title: text(LIMITS.title, 'so it fits one line on a phone')
    .describe(`Short headline (at most ${LIMITS.title} characters).`),
  situation: text(LIMITS.situation, 'so it reads on a phone in 15 seconds')
    .optional()
    .describe(`Optional context shown above the question (at most ${LIMITS.situation} characters).`),
  question: text(LIMITS.question, 'so it reads on a phone at a glance')
    .describe(`The question for the room (at most ${LIMITS.question} characters).`),
  debrief: z.array(text(LIMITS.debriefQuestion, 'so the room can take it in at once'))
    .min(1, 'is empty; add one or two questions for the room')
    .max(2, { error: issue => `has ${(issue.input as unknown[]).length} questions; keep one or two so the debrief stays short` })
    .describe(`One or two questions for the room when the results are up (each at most ${LIMITS.debriefQuestion} characters).`),
  minutes: z.number()
    .positive('must be more than 0')
    .max(15, { error: issue => `is ${String(issue.input)}; keep one poll within 15 minutes` })
    .describe('Minutes to spend on answering and discussion.'),
  tags: z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'is not kebab-case')).optional().describe('Optional kebab-case labels.'),
}

const scaleValue = z.number()
  .int('must be a whole number')
  .min(SCALE_VALUE_RANGE.min, `must be at least ${SCALE_VALUE_RANGE.min}`)
  .max(SCALE_VALUE_RANGE.max, `must be at most ${SCALE_VALUE_RANGE.max}`)

/** `kind: scale`: the room places itself between two labelled ends; no right answer. */
export const scalePromptSchema = z.strictObject({
  kind: z.literal('scale').describe('A scale poll: each person picks one whole number from min to max.'),
  ...common,
  min: scaleValue.default(1).describe('Lowest value (default 1).'),
  max: scaleValue.describe(`Highest value; the scale has 2 to ${MAX_SCALE_POINTS} points.`),
  minLabel: text(SCALE_LABEL_MAX, 'so it fits under the first button').describe('What the lowest value means.'),
  maxLabel: text(SCALE_LABEL_MAX, 'so it fits under the last button').describe('What the highest value means.'),
}).superRefine((poll, context) => {
  if (typeof poll.min !== 'number' || typeof poll.max !== 'number')
    return
  if (poll.max <= poll.min)
    context.addIssue({ code: 'custom', path: ['max'], message: `is ${poll.max}, not above min (${poll.min}); a scale runs from min up to max` })
  else if (poll.max - poll.min + 1 > MAX_SCALE_POINTS)
    context.addIssue({ code: 'custom', path: ['max'], message: `gives ${poll.max - poll.min + 1} points; keep it to ${MAX_SCALE_POINTS} so every point fits a phone screen` })
}, { when: ({ value }) => typeof value === 'object' && value !== null })

/** `kind: open`: a short typed answer per person, moderated before the room sees it as a word cloud. */
export const openPromptSchema = z.strictObject({
  kind: z.literal('open').describe('An open poll: each person types a short answer (at most 60 characters).'),
  ...common,
  maxAnswers: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_ANSWERS_PER_DEVICE, `must be at most ${MAX_ANSWERS_PER_DEVICE}`).default(1).describe(`How many answers one person may give (1 to ${MAX_ANSWERS_PER_DEVICE}, default 1).`),
})

export type ScalePrompt = z.output<typeof scalePromptSchema>
export type OpenPrompt = z.output<typeof openPromptSchema>
/** A scale or open poll from the library. */
export type Prompt = ScalePrompt | OpenPrompt

/** The kinds a library file may declare; a file without `kind` is a choice scenario. */
export const libraryKinds = ['choice', 'scale', 'open'] as const
