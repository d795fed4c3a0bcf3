import { z } from 'zod'
import { openPromptSchema, scalePromptSchema } from './promptSchema.ts'
import { scenarioSchema } from './scenarioSchema.ts'

/** The JSON Schema editors use for library files (a scenario, or a scale or open poll), generated from the zod schemas. */
export function scenarioJsonSchema(): Record<string, unknown> {
  // `io: 'input'` describes what an author writes: question and choices stay optional because they have defaults.
  return z.toJSONSchema(z.union([scenarioSchema, scalePromptSchema, openPromptSchema]), { target: 'draft-7', io: 'input' })
}

/** The exact text of `scenarios/schema.json`, so the committed file can be compared byte for byte. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
}
