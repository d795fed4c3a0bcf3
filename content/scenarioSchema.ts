import type { core } from 'zod'
import { z } from 'zod'
import { MAX_CHOICES, POLL_ID_MAX_LENGTH, POLL_ID_PATTERN } from '../poll/pollDefinition.ts'
import { closestMatch } from './closestMatch.ts'
import { sectionIds } from './sections.ts'

/** The poll question used when a scenario does not set its own. */
export const DEFAULT_QUESTION = 'Who should handle this?'

/** The poll choices used when a scenario does not set its own. */
export const DEFAULT_CHOICES = ['Product manager', 'Project manager', 'Both, together'] as const

/** Length limits that keep a scenario readable on a phone in about 15 seconds. */
export const LIMITS = {
  id: POLL_ID_MAX_LENGTH,
  title: 60,
  situation: 280,
  question: 100,
  choice: 60,
  rationale: 400,
  debriefQuestion: 160,
  tag: 30,
} as const

/** Trimmed, non-empty text of at most `max` characters; the message says why the limit exists. */
export function text(max: number, why: string) {
  return z.string()
    .trim()
    .min(1, 'is empty; write something or remove the field')
    .max(max, { error: issue => `is ${String(issue.input).length} characters; keep it within ${max} ${why}` })
}

function kebabId(max: number, example: string) {
  return z.string()
    .max(max, { error: issue => `is ${String(issue.input).length} characters; keep it within ${max}` })
    .regex(POLL_ID_PATTERN, {
      error: issue => `${JSON.stringify(issue.input)} is not kebab-case; use lowercase letters, digits and single hyphens, like "${example}"`,
    })
}

/** A scenario id: kebab-case, and the file that defines it is named `<id>.yaml`. */
export const scenarioIdSchema = kebabId(LIMITS.id, 'big-customer-one-off-feature')

export const sectionSchema = z.enum(sectionIds, {
  error: (issue) => {
    if (issue.input === undefined)
      return 'is required'
    const hint = typeof issue.input === 'string' ? closestMatch(issue.input, sectionIds) : undefined
    return hint
      ? `${JSON.stringify(issue.input)} is not a section; did you mean "${hint}"?`
      : `${JSON.stringify(issue.input)} is not a section; use one of: ${sectionIds.join(', ')}`
  },
})

/**
 * How the room is expected to split on the first vote, in the bands peer instruction works with:
 * clear-cut (over 70% pick the intended answer), contested (about 30–70%), counter-intuitive (under 30%).
 * It says nothing about which answer wins: a "Both" scenario can be clear-cut, a single-role one contested.
 */
export const difficulties = ['clear-cut', 'contested', 'counter-intuitive'] as const

/** One poll scenario, as written in `scenarios/<id>.yaml`. Unknown fields are errors. */
export const scenarioSchema = z.strictObject({
  kind: z.literal('choice', { error: () => 'is not a poll kind; use choice, scale or open (or remove it for a choice scenario)' })
    .optional()
    .describe('Poll kind: "choice" (the default) is a who-should-handle-this scenario; "scale" and "open" polls have their own fields (see scenarios/README.md).'),
  id: scenarioIdSchema
    .describe('Stable kebab-case id; must equal the file name without .yaml. Polls, votes and the deck refer to it, so do not rename it lightly.'),
  section: sectionSchema
    .describe(`Workshop section this scenario belongs to: ${sectionIds.join(', ')}. Must match the section index.yaml lists it under.`),
  title: text(LIMITS.title, 'so it fits one line on a phone')
    .describe(`Short headline shown above the situation (at most ${LIMITS.title} characters).`),
  situation: text(LIMITS.situation, 'so it reads on a phone in 15 seconds')
    .describe(`The concrete workplace situation, in two or three plain sentences (at most ${LIMITS.situation} characters).`),
  question: text(LIMITS.question, 'so it reads on a phone at a glance')
    .default(DEFAULT_QUESTION)
    .describe(`The poll question (at most ${LIMITS.question} characters). Defaults to "${DEFAULT_QUESTION}".`),
  choices: z.array(text(LIMITS.choice, 'so it fits one button on a phone'))
    .min(2, { error: issue => `${(issue.input as unknown[]).length === 0 ? 'is empty' : 'has only one choice'}; give 2 to ${MAX_CHOICES} choices, or remove the field to use the defaults` })
    .max(MAX_CHOICES, { error: issue => `has ${(issue.input as unknown[]).length} choices; keep it to ${MAX_CHOICES} so they fit a phone screen` })
    .default([...DEFAULT_CHOICES])
    .describe(`Poll choices, 2 to ${MAX_CHOICES}, each at most ${LIMITS.choice} characters. Defaults to: ${DEFAULT_CHOICES.join(' · ')}.`),
  answer: text(LIMITS.choice, 'so it fits one button on a phone')
    .describe('The intended answer; must be exactly one of the choices.'),
  rationale: text(LIMITS.rationale, 'so the reveal slide stays readable')
    .describe(`Why the answer is right, pointing back to a fact about the roles (at most ${LIMITS.rationale} characters).`),
  debrief: z.array(text(LIMITS.debriefQuestion, 'so the room can take it in at once'))
    .min(1, 'is empty; add one or two questions for the room')
    .max(2, { error: issue => `has ${(issue.input as unknown[]).length} questions; keep one or two so the debrief stays short` })
    .describe(`One or two debrief questions for the room after the reveal (each at most ${LIMITS.debriefQuestion} characters).`),
  minutes: z.number()
    .positive('must be more than 0')
    .max(15, { error: issue => `is ${String(issue.input)}; keep discussion of one scenario within 15 minutes` })
    .describe('Minutes to spend on voting and discussion (more than 0, at most 15; 2 to 5 is typical).'),
  tags: z.array(kebabId(LIMITS.tag, 'healthcare'))
    .optional()
    .describe('Optional kebab-case labels (industry, theme) for filtering, e.g. [construction, risk].'),
  difficulty: z.enum(difficulties, {
    error: issue => `${JSON.stringify(issue.input)} is not a difficulty; use one of: ${difficulties.join(', ')}`,
  })
    .optional()
    .describe('Expected first-vote split: "clear-cut" when over 70% of the room will pick the intended answer; "contested" when about 30–70% will (the room splits, so pairs discuss and re-vote); "counter-intuitive" when under 30% will, because another choice is more tempting.'),
  tempting: text(LIMITS.choice, 'so it fits one button on a phone')
    .optional()
    .describe('The wrong choice most of the room is likely to reach for first; must be one of the choices and not the answer. Facilitator notes and the debrief take it apart.'),
}).superRefine((scenario, context) => {
  // Type errors elsewhere can leave these fields malformed; only compare well-formed values.
  if (!Array.isArray(scenario.choices))
    return
  const seen = new Set<string>()
  scenario.choices.forEach((choice, index) => {
    if (seen.has(choice))
      context.addIssue({ code: 'custom', path: ['choices', index], message: `"${choice}" is listed twice; each choice must be different` })
    seen.add(choice)
  })
  // With no choices the choices error already says what to do; listing zero options would not help.
  if (typeof scenario.answer === 'string' && scenario.choices.length > 0 && !scenario.choices.includes(scenario.answer)) {
    const choices = scenario.choices.map(choice => JSON.stringify(choice)).join(', ')
    context.addIssue({ code: 'custom', path: ['answer'], message: `${JSON.stringify(scenario.answer)} is not one of the choices; use one of: ${choices}` })
  }
  if (typeof scenario.tempting === 'string' && scenario.choices.length > 0) {
    if (scenario.tempting === scenario.answer)
      context.addIssue({ code: 'custom', path: ['tempting'], message: 'is the intended answer; name the wrong choice the room is likely to pick, or remove the field' })
    else if (!scenario.choices.includes(scenario.tempting))
      context.addIssue({ code: 'custom', path: ['tempting'], message: `${JSON.stringify(scenario.tempting)} is not one of the choices; use one of: ${scenario.choices.map(choice => JSON.stringify(choice)).join(', ')}` })
  }
  if (Array.isArray(scenario.tags)) {
    const seenTags = new Set<string>()
    scenario.tags.forEach((tag, index) => {
      if (seenTags.has(tag))
        context.addIssue({ code: 'custom', path: ['tags', index], message: `"${tag}" is listed twice` })
      seenTags.add(tag)
    })
  }
}, {
  // Run even when other fields failed, so an author sees a dangling answer in the same pass.
  when: ({ value }) => typeof value === 'object' && value !== null && !Array.isArray(value),
}).meta({
  title: 'Workshop scenario',
  description: 'One "who should handle this?" poll for the product manager vs project manager workshop. See scenarios/README.md.',
})

/** A validated scenario, with defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>

/** A scenario as an author may write it (question and choices optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>

/** The field names a scenario file may use, for "did you mean" hints. */
export const scenarioFields = Object.keys(scenarioSchema.shape)

const nouns: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping of fields (key: value)',
}

/** Plain-language messages for type errors, shared by every scenario-library schema. */
export const friendlyErrors: core.$ZodErrorMap = (issue) => {
  if (issue.code !== 'invalid_type')
    return undefined
  const expected = nouns[issue.expected] ?? issue.expected
  if (issue.input === undefined)
    return 'is required'
  if (issue.input === null)
    return `is empty; expected ${expected}`
  return `expected ${expected}, got ${describeValue(issue.input)}`
}

function describeValue(value: unknown): string {
  if (Array.isArray(value))
    return 'a list'
  if (typeof value === 'string')
    return 'text'
  if (typeof value === 'boolean')
    return `${value} (a yes/no value)`
  if (typeof value === 'object')
    return 'a mapping'
  return `a ${typeof value}`
}
