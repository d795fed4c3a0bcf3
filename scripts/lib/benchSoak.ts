// The soak run of `npm run bench:polls -- --soak S`: phones stay connected for S seconds
// as in a long session. Every 30 s every phone changes its vote; every minute 5% of them
// drop and reconnect (a phone locked, a tab reloaded). What must hold: no acknowledged
// vote lost, memory flat, acks still quick at the end.
import type { CrowdOptions, Phone } from './benchCrowd'
import type { SpawnedPollServer } from './spawnPollServer'
import { performance } from 'node:perf_hooks'
import { connectPhone, percentile, until } from './benchCrowd'
import { currentRssMb, lostAcked, round } from './benchServer'

const VOTE_EVERY_MS = 30_000
const CHURN_EVERY_MS = 60_000
const CHURN_SHARE = 0.05

export interface SoakOptions {
  phones: Phone[]
  pollId: string
  choices: number
  seconds: number
  server: SpawnedPollServer
  dataDir: string
  session: string
  url: string
  code: string
}

export async function soak(options: SoakOptions): Promise<Record<string, number>> {
  const { phones, pollId, choices, server } = options
  const crowd: CrowdOptions = { url: options.url, code: options.code, clients: phones.length, choices }
  const rssStartMb = currentRssMb(server)
  const started = performance.now()
  const latencies: number[] = []
  let waves = 0
  let reconnects = 0
  let nextChurn = CHURN_EVERY_MS / 2
  for (let at = 0; at < options.seconds * 1000; at += VOTE_EVERY_MS) {
    await sleepUntil(started + at)
    latencies.push(...await voteWave(phones, pollId, choices))
    waves++
    while (nextChurn < Math.min(at + VOTE_EVERY_MS, options.seconds * 1000)) {
      await sleepUntil(started + nextChurn)
      reconnects += await churn(phones, crowd)
      nextChurn += CHURN_EVERY_MS
    }
    console.log(`  ${round((performance.now() - started) / 1000)} s: ${waves} vote waves, ${reconnects} reconnects, server ${currentRssMb(server)} MB`)
  }
  await sleepUntil(started + options.seconds * 1000)
  const rssEndMb = currentRssMb(server)
  return {
    soakSeconds: options.seconds,
    voteWaves: waves,
    votesAcked: latencies.length,
    reconnects,
    lostAcked: lostAcked(options.dataDir, options.session, pollId, phones),
    ackP99Ms: round(percentile(latencies, 99)),
    rssStartMb,
    rssEndMb,
    rssGrowthPct: round((rssEndMb - rssStartMb) / rssStartMb * 100),
  }
}

/** Every phone moves to the next choice; resolves with each phone's send → ack time. */
async function voteWave(phones: Phone[], pollId: string, choices: number): Promise<number[]> {
  for (const phone of phones) {
    phone.choice = (phone.choice + 1) % choices
    phone.confirmedAt = undefined
    phone.sentAt = performance.now()
    phone.client.vote(pollId, 1, phone.choice)
  }
  await until(() => phones.every(phone => phone.confirmedAt !== undefined), 60_000, 'every vote of the wave to be acknowledged')
  return phones.map(phone => phone.confirmedAt! - phone.sentAt!)
}

/** 5% of the phones, picked at random, drop their connection and join again. */
async function churn(phones: Phone[], crowd: CrowdOptions): Promise<number> {
  const picked = phones.filter(() => Math.random() < CHURN_SHARE)
  for (const phone of picked)
    phone.client.close()
  await Promise.all(picked.map(phone => connectPhone(phone, crowd)))
  return picked.length
}

function sleepUntil(time: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, Math.max(0, time - performance.now())))
}
