// The machine line every benchmark prints, with a speed reference. The same commit's
// figures moved 2–3× between days on the "same" 2-core cloud machine, so a figure is only
// comparable with the reference work timed next to it (`npm run bench:machine`).
import { Buffer } from 'node:buffer'
import { createHash } from 'node:crypto'
import { cpus, loadavg, totalmem } from 'node:os'
import { performance } from 'node:perf_hooks'
import process from 'node:process'

export interface MachineReport {
  /** One line for a benchmark's output: cores, model, memory, Node, load, reference work. */
  line: string
  /** Median time of the fixed single-threaded reference work: lower is faster. */
  cpuRefMs: number
  load1: number
  load5: number
}

/**
 * A fixed piece of single-threaded work shaped like the benchmarks' own (JSON frames,
 * sorting, hashing), timed five times after a warm-up; the median in ms.
 */
export function referenceWorkMs(): number {
  referenceWork()
  const times: number[] = []
  for (let run = 0; run < 5; run++) {
    const started = performance.now()
    referenceWork()
    times.push(performance.now() - started)
  }
  return Math.round(times.sort((a, b) => a - b)[2]! * 10) / 10
}

export function machineReport(): MachineReport {
  const cpuRefMs = referenceWorkMs()
  const [load1 = 0, load5 = 0] = loadavg()
  const line = `machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, `
    + `Node ${process.version}, load ${load1.toFixed(2)} / ${load5.toFixed(2)} (1 / 5 min), reference work ${cpuRefMs} ms`
  return { line, cpuRefMs, load1: Math.round(load1 * 100) / 100, load5: Math.round(load5 * 100) / 100 }
}

function referenceWork(): number {
  // Deterministic input: a linear congruential sequence, so every run does the same work.
  let seed = 42
  const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648)
  const votes = Array.from({ length: 5000 }, (_, index) => ({ type: 'vote', pollId: `poll-${index % 7}`, choice: next() % 4, deviceId: next().toString(36) }))
  let checksum = 0
  for (let round = 0; round < 20; round++)
    checksum += (JSON.parse(JSON.stringify(votes)) as unknown[]).length
  const numbers = Array.from({ length: 200_000 }, next).sort((a, b) => a - b)
  const hash = createHash('sha256')
  const block = Buffer.alloc(1 << 20, 7)
  for (let megabyte = 0; megabyte < 16; megabyte++)
    hash.update(block)
  return checksum + numbers[0]! + hash.digest()[0]!
}
