// `npm run bench:machine`: the machine line and reference work every benchmark prints, on
// its own. Run it before comparing your figures with docs/benchmarks.md: a machine whose
// reference work takes twice as long will show roughly twice the times.
import { machineReport } from './lib/machineReport'
import { runMain } from './lib/runMain'

runMain(async () => {
  const machine = machineReport()
  console.log(`  ${machine.line}`)
  console.log(JSON.stringify({ cpuRefMs: machine.cpuRefMs, load1: machine.load1, load5: machine.load5 }))
  return 0
})
