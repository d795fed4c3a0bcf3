// @vitest-environment happy-dom
// The poll slide as the room sees it on the projector: waiting, open, closed, revealed, round 2,
// no server, and the static card of an export.
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import ScenarioPoll from '../../components/ScenarioPoll.vue'
import { useHands } from '../../composables/useHands'
import { fakePollConnection } from './support/fakePollConnection'
import { asPresenter, figures, ID, mounted, poll, render, rows, useScenarioPollHarness } from './support/scenarioPollHarness'
import { slide } from './support/slidevClient'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

useScenarioPollHarness()

describe('scenarioPoll on the projector', () => {
  it('waits with the join link, code, QR code and counts before the poll opens', () => {
    const fake = fakePollConnection()
    fake.setPoll(poll())
    const wrapper = render(fake)
    expect(wrapper.find('.poll-live__status').text()).toBe('Not open yet')
    // The number of the poll in the session plan, as the phone and the handout show it.
    expect(wrapper.find('.poll-live__number').text()).toBe('Poll 3')
    expect(wrapper.find('.join-panel__code').text()).toBe('K7QFM')
    expect(wrapper.find('.join-panel__address').text()).toBe('10.0.0.5:3040')
    expect(wrapper.find('img.join-qr').attributes('alt')).toBe('QR code for http://10.0.0.5:3040/K7QFM')
    expect(wrapper.find('img.join-qr').attributes('src')).toMatch(/^data:image\/svg\+xml/)
    expect(wrapper.find('.join-panel__counts').text()).toBe('12 connected · 0 voted')
    expect(wrapper.findAll('.result-bars__text').map(choice => choice.text())).toEqual(['Product manager', 'Project manager', 'Both, together'])
    expect(wrapper.find('.poll-controls').exists()).toBe(false)
  })

  it('counts votes while open but hides the split until the reveal', async () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [2, 1, 0], voters: 3 }] }))
    const wrapper = render(fake)
    expect(wrapper.find('.poll-live__status').text()).toBe('Voting open')
    expect(wrapper.find('.join-panel__counts').text()).toContain('3 voted')
    expect(wrapper.findAll('.result-bars__bar')).toHaveLength(0)

    // The presenter showed the results: the server tells every projector.
    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [2, 1, 0], voters: 3 }], display: { showResults: true, compareRounds: false } }))
    await wrapper.vm.$nextTick()
    expect(figures(wrapper)).toEqual(['2 · 67%', '1 · 33%', '0 · 0%'])
  })

  it('says voting is closed and still keeps the answer back', () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'closed', rounds: [{ round: 1, counts: [2, 1, 1], voters: 4 }] }))
    const wrapper = render(fake)
    expect(wrapper.find('.poll-live__status').text()).toBe('Voting closed')
    expect(wrapper.find('.poll-reveal').exists()).toBe(false)
    expect(rows(wrapper).some(row => row.attributes('data-answer') !== undefined)).toBe(false)
  })

  it('reveals the split, highlights the intended answer and shows the rationale and debrief', () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'revealed', rounds: [{ round: 1, counts: [1, 1, 2], voters: 4 }] }))
    const wrapper = render(fake)
    expect(wrapper.find('.poll-live__status').text()).toBe('Answer revealed')
    expect(figures(wrapper)).toEqual(['1 · 25%', '1 · 25%', '2 · 50%'])
    expect(rows(wrapper).map(row => row.attributes('data-answer') !== undefined)).toEqual([false, false, true])
    expect(wrapper.find('.poll-reveal__answer').text()).toBe('Intended answer: C · Both, together')
    expect(wrapper.find('.poll-reveal__rationale').text()).toContain('a project call')
    expect(wrapper.find('.poll-reveal__debrief').text()).toBe('Which half did you want to answer first?')
    // Latecomers can still join for round 2.
    expect(wrapper.find('.join-panel--compact .join-panel__code').text()).toBe('K7QFM')
  })

  it('shows round 2, and round 1 beside it when the presenter compares', async () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'revealed', round: 2, rounds: [{ round: 1, counts: [3, 1, 0], voters: 4 }, { round: 2, counts: [0, 1, 3], voters: 4 }] }))
    const wrapper = render(fake)
    expect(wrapper.find('.poll-live__status').text()).toBe('Answer revealed · round 2')
    expect(figures(wrapper)).toEqual(['0 · 0%', '1 · 25%', '3 · 75%'])

    fake.setPoll(poll({ status: 'revealed', round: 2, rounds: [{ round: 1, counts: [3, 1, 0], voters: 4 }, { round: 2, counts: [0, 1, 3], voters: 4 }], display: { showResults: false, compareRounds: true } }))
    await wrapper.vm.$nextTick()
    expect(wrapper.findAll('.result-bars__series').map(label => label.text()).slice(0, 2)).toEqual(['Round 1', 'Round 2'])
    expect(figures(wrapper)).toEqual(['3 · 75%', '0 · 0%', '1 · 25%', '1 · 25%', '0 · 0%', '3 · 75%'])
  })

  it('tells the presenter which server is unreachable and how to start it', () => {
    asPresenter()
    const wrapper = render(fakePollConnection('unreachable'))
    expect(wrapper.find('.poll-live__offline').text()).toContain('No poll server answers at http://localhost:3040.')
    expect(wrapper.find('.poll-live__offline').text()).toContain('Ask for a show of hands for each choice instead.')
  })

  it('says plainly when no poll server is reachable, and shows a show of hands the presenter typed', async () => {
    const fake = fakePollConnection('unreachable')
    const wrapper = render(fake)
    expect(wrapper.find('.poll-live__offline').text()).toContain('Live voting is off')
    // The room gets what to do; the server address and the fix are for the presenter only.
    expect(wrapper.find('.poll-live__offline').text()).toContain('raise your hand when your answer is read out')
    expect(wrapper.find('.poll-live__offline').text()).not.toContain('localhost:3040')
    expect(wrapper.find('.join-panel').exists()).toBe(false)
    expect(wrapper.find('.hands-input').exists()).toBe(false)

    useHands(ID, 3).setCount(0, 5)
    useHands(ID, 3).setCount(2, 15)
    await wrapper.vm.$nextTick()
    expect(wrapper.find('.poll-live__status').text()).toBe('Show of hands')
    expect(figures(wrapper)).toEqual(['5 · 25%', '0 · 0%', '15 · 75%'])
  })
})

describe('scenarioPoll in print and export', () => {
  it('renders the static card and opens no socket', () => {
    Object.assign(slide, { print: true, renderContext: 'slide' })
    const sockets = vi.fn()
    vi.stubGlobal('WebSocket', sockets)
    vi.stubGlobal('fetch', sockets)
    try {
      // No connection is provided: a live poll would create the real one.
      const wrapper = mount(ScenarioPoll, { props: { id: ID }, global: { directives: { click: {} } } })
      mounted.push(wrapper)
      expect(wrapper.find('.scenario-card').exists()).toBe(true)
      expect(wrapper.find('.scenario-card__meta').text()).toContain('Poll 3')
      expect(wrapper.find('.scenario-card__reveal .poll-reveal__answer').text()).toBe('Intended answer: C · Both, together')
      expect(wrapper.find('.poll-live').exists()).toBe(false)
      expect(sockets).not.toHaveBeenCalled()
    }
    finally {
      vi.unstubAllGlobals()
    }
  })
})
