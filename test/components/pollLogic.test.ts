import type { ControlAction, PollStatus } from '../../poll/protocol'
import { describe, expect, it } from 'vitest'
import { reconnectGraceMs } from '../../composables/linkGrace'
import { roomSees } from '../../composables/pollResults'
import { DEFAULT_POLL_SERVER_URL, resolvePollServerUrl } from '../../composables/pollServerUrl'
import { parseHands, toHandCount } from '../../composables/useHands'
import { parsePollDisplay } from '../../composables/usePollDisplay'
import { percentages } from '../../poll/percentages'
import { allowedActions } from '../../poll/pollLifecycle'
import { PollMachine } from '../../poll/pollMachine'
import { controlActions, MAX_ROUNDS } from '../../poll/protocol'

describe('where the deck finds the poll server', () => {
  it('prefers npm start\'s address, then the headmatter, then localhost:3040', () => {
    expect(resolvePollServerUrl({ env: 'http://localhost:4000', headmatter: 'https://poll.example.com' }).url).toBe('http://localhost:4000')
    expect(resolvePollServerUrl({ headmatter: 'https://poll.example.com/some/path' }).url).toBe('https://poll.example.com')
    expect(resolvePollServerUrl({})).toEqual({ url: DEFAULT_POLL_SERVER_URL, ignored: [] })
  })

  it('skips a value that is not an http(s) URL and says which', () => {
    const resolved = resolvePollServerUrl({ headmatter: 'ftp://poll.example.com' })
    expect(resolved.url).toBe('http://localhost:3040')
    expect(resolved.ignored).toEqual(['pollServer: "ftp://poll.example.com" is not an http(s) URL such as http://192.168.1.20:3040'])
  })
})

describe('what the room is told', () => {
  it('waits 20 s by default before a dropped link becomes a show of hands, or what the headmatter says', () => {
    expect(reconnectGraceMs(undefined)).toBe(20_000)
    expect(reconnectGraceMs(45)).toBe(45_000)
    expect(reconnectGraceMs('5')).toBe(5_000)
    expect(reconnectGraceMs(0)).toBe(0)
    for (const nonsense of ['soon', -1, 601, Number.NaN, null, {}])
      expect(reconnectGraceMs(nonsense), String(nonsense)).toBe(20_000)
  })

  it('names what the projector shows in the presenter\'s words', () => {
    expect(roomSees({ status: 'open', results: false, bothRounds: false })).toBe('question only')
    expect(roomSees({ status: 'open', results: true, bothRounds: false })).toBe('question and results')
    expect(roomSees({ status: 'revealed', results: true, bothRounds: true })).toBe('answer and results, rounds 1 and 2')
  })
})

describe('bars and buttons', () => {
  it('gives percentages that add up to 100 when no tie prevents it', () => {
    expect(percentages([2, 1, 0])).toEqual([67, 33, 0])
    expect(percentages([5, 3, 3])).toEqual([46, 27, 27])
    expect(percentages([1, 2, 4])).toEqual([14, 29, 57])
    expect(percentages([0, 0])).toEqual([0, 0])
  })

  it('gives equal counts equal percentages', () => {
    expect(percentages([1, 1, 1])).toEqual([33, 33, 33])
    expect(percentages([3, 1, 1, 1])).toEqual([50, 17, 17, 17])
    expect(percentages([2, 2, 2, 1])).toEqual([29, 29, 29, 14])
    for (let seed = 1; seed < 500; seed++) {
      const counts = Array.from({ length: 2 + (seed % 5) }, (_, index) => (seed * (index + 7) * 31) % 5)
      const shares = percentages(counts)
      for (const [a, countA] of counts.entries()) {
        for (const [b, countB] of counts.entries()) {
          if (countA === countB)
            expect(shares[a], `${counts}`).toBe(shares[b])
        }
      }
      const sum = shares.reduce((total, share) => total + share, 0)
      if (counts.some(count => count > 0))
        expect(Math.abs(sum - 100), `${counts}`).toBeLessThanOrEqual(counts.length)
    }
  })

  it('offers exactly the controls the poll machine accepts', () => {
    const definition = { kind: 'choice' as const, id: 'p', title: 't', situation: 's', question: 'q', choices: ['a', 'b'], answer: 0, rationale: 'r', debrief: [] }
    const statuses: PollStatus[] = ['draft', 'open', 'closed', 'revealed']
    for (const status of statuses) {
      for (let round = 1; round <= MAX_ROUNDS; round++) {
        for (const action of controlActions) {
          const machine = new PollMachine([definition], { current: null, polls: [{ definition, status, round }], votes: [] })
          const accepted = machine.apply({ kind: 'control', action: action as ControlAction, poll: 'p' }).ok
          expect(allowedActions(status, round).has(action), `${action} from ${status} in round ${round}`).toBe(accepted)
        }
      }
    }
  })
})

describe('what the deck keeps in localStorage', () => {
  it('reads back only well-formed display flags and hand counts', () => {
    expect(parsePollDisplay({ showResults: true, compareRounds: 'yes' })).toEqual({ showResults: true, compareRounds: false, handsRevealed: false })
    expect(parsePollDisplay('junk')).toBeUndefined()
    expect(parseHands({ round: 2, counts: [1, '2', -3], saved: true }, 3)).toEqual({ round: 2, counts: [1, 2, 0], saved: true })
    expect(parseHands({ counts: [1, 2] }, 3)).toBeUndefined()
    expect([toHandCount('12'), toHandCount(''), toHandCount(5000), toHandCount(2.7)]).toEqual([12, 0, 1000, 2])
  })

  it('still reads a show-of-hands reveal stored under its old name', () => {
    expect(parsePollDisplay({ showResults: false, compareRounds: false, revealedOffline: true })).toEqual({ showResults: false, compareRounds: false, handsRevealed: true })
    expect(parsePollDisplay({ revealedOffline: true, handsRevealed: false })).toMatchObject({ handsRevealed: false })
  })
})
