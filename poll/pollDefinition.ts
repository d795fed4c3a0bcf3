// What a poll is: a scenario's content as the live poll uses it. The one place that
// says what a poll id looks like, which kinds of poll there are and their limits; the
// wire protocol, the store and the scenario schema derive from it.
// Browser-safe: no Node imports, and zod/mini so the phone page stays small.
import * as z from 'zod/mini'

/** A poll id is a scenario id: kebab-case (lowercase letters, digits, single hyphens). */
export const POLL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Longest poll (scenario) id. */
export const POLL_ID_MAX_LENGTH = 60
/** Most choices a poll may have, so every choice fits a phone screen. */
export const MAX_CHOICES = 6
/** Most points on a scale (1..10 at most), so every point is a thumb-sized button. */
export const MAX_SCALE_POINTS = 10
/** Lowest and highest value a scale may use. */
export const SCALE_VALUE_RANGE = { min: -10, max: 10 } as const
/** Most answers one device may give to an open poll in one round. */
export const MAX_ANSWERS_PER_DEVICE = 5
/** Most options (choices or scale points) any poll has: the length of a round's counts. */
export const MAX_OPTIONS = Math.max(MAX_CHOICES, MAX_SCALE_POINTS)

export const pollKinds = ['choice', 'scale', 'open'] as const
export type PollKind = (typeof pollKinds)[number]

export const pollIdSchema = z.string().check(z.maxLength(POLL_ID_MAX_LENGTH), z.regex(POLL_ID_PATTERN))
/** Index of a choice in a poll's `choices`. */
export const choiceIndexSchema = z.int().check(z.minimum(0), z.maximum(MAX_CHOICES - 1))
/** A value on a scale. */
export const scaleValueSchema = z.int().check(z.minimum(SCALE_VALUE_RANGE.min), z.maximum(SCALE_VALUE_RANGE.max))

const common = {
  /** The scenario id. */
  id: pollIdSchema,
  title: z.string(),
  situation: z.string(),
  question: z.string(),
  debrief: z.array(z.string()),
}

/** Pick one of the choices; one is the intended answer. Stored definitions from before kinds existed have no `kind`: they are choice polls. */
export const choicePollSchema = z.object({
  kind: z._default(z.literal('choice'), 'choice'),
  ...common,
  choices: z.array(z.string()).check(z.maxLength(MAX_CHOICES)),
  /** Index of the intended answer in `choices`. */
  answer: choiceIndexSchema,
  rationale: z.string(),
})

/** Place yourself on a scale from `min` to `max`; no right answer. A vote is stored as its index, value − min. */
export const scalePollSchema = z.object({
  kind: z.literal('scale'),
  ...common,
  min: scaleValueSchema,
  max: scaleValueSchema,
  minLabel: z.string(),
  maxLabel: z.string(),
}).check(z.refine(poll => poll.max > poll.min && poll.max - poll.min + 1 <= MAX_SCALE_POINTS, `A scale has 2 to ${MAX_SCALE_POINTS} points.`))

/** A short typed answer; the room sees only what the presenter approved, grouped as a word cloud. */
export const openPollSchema = z.object({
  kind: z.literal('open'),
  ...common,
  /** Answers one device may give per round. */
  maxAnswers: z.int().check(z.minimum(1), z.maximum(MAX_ANSWERS_PER_DEVICE)),
})

/** A poll's content, frozen into a session when the poll is first opened. */
export const pollDefinitionSchema = z.discriminatedUnion('kind', [choicePollSchema, scalePollSchema, openPollSchema])
export type PollDefinition = z.infer<typeof pollDefinitionSchema>
export type ChoicePollDefinition = z.infer<typeof choicePollSchema>
export type ScalePollDefinition = z.infer<typeof scalePollSchema>
export type OpenPollDefinition = z.infer<typeof openPollSchema>

/** How many counts a round of this poll has: one per choice, one per scale point, none for open answers. */
export function optionCount(definition: PollDefinition): number {
  switch (definition.kind) {
    case 'choice':
      return definition.choices.length
    case 'scale':
      return definition.max - definition.min + 1
    case 'open':
      return 0
  }
}
