// Run with `node --import tsx signalledStop.ts SIGNAL`: raises SIGNAL the way Node does
// for a console event (Windows has no kill(2) for SIGBREAK) and reports the shutdown.
import process from 'node:process'
import { stopOnSignals } from '../../../scripts/lib/stopOnSignals'

const signal = process.argv[2] as NodeJS.Signals
const stopped = stopOnSignals(async (received) => {
  process.stdout.write(`shutdown on ${received}\n`)
})
process.emit(signal, signal)
process.emit(signal, signal)
stopped.then(() => process.stdout.write('stopped\n'), () => process.exit(1))
