// Regenerates scenarios/schema.json from the zod schema: `npm run scenarios:schema`.
import { writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import process from 'node:process'
import { defaultScenarioDir } from '../content/loadScenarios'
import { renderScenarioJsonSchema } from '../content/scenarioJsonSchema'

const target = join(defaultScenarioDir, 'schema.json')
writeFileSync(target, renderScenarioJsonSchema())
console.log(`✓ wrote ${relative(process.cwd(), target)}`)
