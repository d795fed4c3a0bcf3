import { z } from 'zod'
import { scenarioSchema } from './scenarioSchema.ts'

/** The JSON Schema editors use for scenario files, generated from the zod schema. */
export function scenarioJsonSchema(): Record<string, unknown> {
  // `io: 'input'` describes what an author writes: question and choices stay optional because they have defaults.
  return z.toJSONSchema(scenarioSchema, { target: 'draft-7', io: 'input' })
}

/** The exact text of `scenarios/schema.json`, so the committed file can be compared byte for byte. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
}
