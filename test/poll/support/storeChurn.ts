// Run in a child with `node --expose-gc --import tsx`: opens and drops poll stores while
// forcing garbage collection. better-sqlite3 12 built for Node 24.19+ aborted the whole
// process when V8 collected a Database or Statement; a clean exit proves the driver in use
// survives it. Usage: storeChurn.ts <dataDir> <rounds>
import { join } from 'node:path'
import process from 'node:process'
import { PollStore } from '../../../poll/store/pollStore'

const [dataDir, rounds = '200'] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc
if (!dataDir || !gc)
  throw new Error('usage: node --expose-gc --import tsx storeChurn.ts <dataDir> <rounds>')

for (let round = 0; round < Number(rounds); round++) {
  const store = PollStore.open(join(dataDir, String(round % 5)))
  store.openSession('s1', () => 'ABCDE')
  store.listSessions()
  store.countVotes('s1')
  // Every other store is closed; the rest are only dropped, so the collector finalises
  // an open database and its prepared statements.
  if (round % 2 === 0)
    store.close()
  gc()
}
gc()
process.stdout.write(`churned ${rounds} stores\n`)
