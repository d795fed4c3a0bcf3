// What a poll is: a scenario's content as the live poll uses it. The one place that
// says what a poll id looks like and how many choices a poll may have; the wire
// protocol, the store and the scenario schema derive from it.
// Browser-safe: no Node imports, and zod/mini so the phone page stays small.
import * as z from 'zod/mini'

/** A poll id is a scenario id: kebab-case (lowercase letters, digits, single hyphens). */
export const POLL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** Longest poll (scenario) id. */
export const POLL_ID_MAX_LENGTH = 60
/** Most choices a poll may have, so every choice fits a phone screen. */
export const MAX_CHOICES = 6

export const pollIdSchema = z.string().check(z.maxLength(POLL_ID_MAX_LENGTH), z.regex(POLL_ID_PATTERN))
/** Index of a choice in a poll's `choices`. */
export const choiceIndexSchema = z.int().check(z.minimum(0), z.maximum(MAX_CHOICES - 1))

/** A poll's content, frozen into a session when the poll is first opened. */
export const pollDefinitionSchema = z.object({
  /** The scenario id. */
  id: pollIdSchema,
  title: z.string(),
  situation: z.string(),
  question: z.string(),
  choices: z.array(z.string()).check(z.maxLength(MAX_CHOICES)),
  /** Index of the intended answer in `choices`. */
  answer: choiceIndexSchema,
  rationale: z.string(),
  debrief: z.array(z.string()),
})
export type PollDefinition = z.infer<typeof pollDefinitionSchema>
