import process from 'node:process'
import { definePreparserSetup } from '@slidev/types'
import { choosePlan, loadSessionPlans, PLAN_ENV } from '../content/loadSessionPlans'
import { planPreparser } from '../content/planPreparser'

// The session plan (`npm start -- --plan 60`, else the file's default) decides which
// slides the running deck shows; the markdown itself never changes.
export default definePreparserSetup(() => [planPreparser(choosePlan(loadSessionPlans(), process.env[PLAN_ENV] || undefined))])
