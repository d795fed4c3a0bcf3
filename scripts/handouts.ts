// `npm run handouts`: the participant handout, the facilitator guide and, with
// --results, the session report, as PDF and/or HTML. The command is scripts/lib/handoutsCli.ts.
import { handoutsMain } from './lib/handoutsCli.ts'
import { runMain } from './lib/runMain.ts'

runMain(handoutsMain)
