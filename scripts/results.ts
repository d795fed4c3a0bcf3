// `npm run results -- --session NAME`: a session's poll results, aggregate only, as
// JSON (the session report's input) or CSV (for a spreadsheet). The command is scripts/lib/resultsCli.ts.
import { resultsMain } from './lib/resultsCli'
import { runMain } from './lib/runMain'

runMain(resultsMain)
