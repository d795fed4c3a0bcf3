import { z } from 'zod'
import { scenarioIdSchema } from './scenarioSchema.ts'
import { sections } from './sections.ts'

const scenarioIdList = z.array(scenarioIdSchema)
  .min(1, 'is empty; list at least one scenario id, or remove the section')

/** `scenarios/index.yaml`: for each section (in teaching order), the ids of its scenarios in the order they are used. */
export const scenarioIndexSchema = z.strictObject(
  Object.fromEntries(sections.map(section => [
    section.id,
    scenarioIdList.optional().describe(`Scenario ids for section ${section.number}, "${section.title}", in order.`),
  ])) as Record<(typeof sections)[number]['id'], z.ZodOptional<typeof scenarioIdList>>,
)

/** The parsed index: section id → ordered scenario ids. */
export type ScenarioIndex = z.output<typeof scenarioIndexSchema>
