import { z } from 'zod'
import { scenarioIdSchema } from './scenarioSchema.ts'

/** A slide's name in the deck: its `routeAlias` frontmatter, kebab-case. */
export const slideAliasSchema = z.string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slide\'s routeAlias: lowercase words joined by hyphens')

const aliasList = z.array(slideAliasSchema)

/** One plan: how long it runs, which slides it hides, and what it drops first when late. */
export const sessionPlanSchema = z.strictObject({
  title: z.string().min(1, 'is empty; say in a few words what the plan is').describe('A short name, e.g. "One hour, no break".'),
  minutes: z.number().positive('must be more than 0').max(240, 'is over 4 hours; split the workshop instead').describe('The session\'s length; the slides and polls must add up to it within 5%.'),
  optionalAsks: z.enum(['keep', 'drop'], { error: 'must be keep or drop' }).describe('Whether the presenter notes keep the "Ask (optional …):" prompts.'),
  hide: aliasList.default([]).describe('Slides hidden from the running deck (by routeAlias); they stay in the markdown.'),
  cutsWhenLate: aliasList.default([]).describe('If the session runs late, skip these shown slides, in this order.'),
  swaps: z.record(scenarioIdSchema, scenarioIdSchema).default({}).describe('Poll scenario on a slide → spare scenario to poll instead, without editing markdown.'),
})

/** `plans/session-plans.yaml`: the default plan and every plan by its name ("60", "90"). */
export const sessionPlansSchema = z.strictObject({
  default: z.string().min(1).describe('The plan used when none is chosen.'),
  plans: z.record(z.string().regex(/^\w+$/, 'must be a short name such as 60 or 90'), sessionPlanSchema),
})

export type SessionPlanData = z.output<typeof sessionPlanSchema>
export const sessionPlanFields = Object.keys(sessionPlanSchema.shape)
