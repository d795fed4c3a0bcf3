// Exports the deck to PDF with a system Chrome/Chromium (never a downloaded one).
// The command is scripts/lib/exportCli.ts.
import { exportMain } from './lib/exportCli'
import { runMain } from './lib/runMain'

runMain(exportMain)
