// Validates the scenario library and the session plans: `npm run scenarios:check [-- --dir path/to/scenarios]`.
// The command is scripts/lib/scenariosCheckCli.ts.
import { runMain } from './lib/runMain'
import { scenariosCheckMain } from './lib/scenariosCheckCli'

runMain(scenariosCheckMain)
