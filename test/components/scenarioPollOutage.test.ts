// @vitest-environment happy-dom
// A poll server outage: "reconnecting" through the grace period, then a show of hands.
import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useHands } from '../../composables/useHands'
import { DEFAULT_POLL_DISPLAY, usePollDisplay } from '../../composables/usePollDisplay'
import { fakePollConnection } from './support/fakePollConnection'
import { asPresenter, asProjector, button, ID, poll, render, useScenarioPollHarness } from './support/scenarioPollHarness'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

useScenarioPollHarness()

describe('scenarioPoll through a poll server outage', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('keeps the join panel and the last counts on the projector and says "reconnecting", then offers a show of hands after 20 s', async () => {
    vi.useFakeTimers()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [2, 1, 0], voters: 3 }] }))
    const wrapper = render(fake)
    fake.dropLink()
    await vi.advanceTimersByTimeAsync(19_000)
    expect(wrapper.find('.poll-live__status').text()).toBe('Voting open · reconnecting…')
    expect(wrapper.find('.join-panel__code').text()).toBe('K7QFM')
    expect(wrapper.find('.join-panel__counts').text()).toContain('3 voted')
    expect(wrapper.find('.poll-live__offline').exists()).toBe(false)

    await vi.advanceTimersByTimeAsync(1_500)
    expect(wrapper.find('.poll-live__offline').text()).toContain('Live voting is off')
    expect(wrapper.find('.join-panel').exists()).toBe(false)
  })

  it('recovers without anyone touching anything when the server is back within the grace period', async () => {
    vi.useFakeTimers()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [2, 1, 0], voters: 3 }] }))
    const wrapper = render(fake)
    fake.dropLink()
    await vi.advanceTimersByTimeAsync(5_000)
    fake.connection.status.value = 'open'
    fake.connection.downSince.value = null
    await vi.advanceTimersByTimeAsync(30_000)
    expect(wrapper.find('.poll-live__status').text()).toBe('Voting open')
    expect(wrapper.find('.join-panel__counts').text()).toContain('3 voted')
  })

  it('lets the presenter take a show of hands at once, and the projector follows', async () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open' }))
    asPresenter()
    const presenterView = render(fake)
    asProjector()
    const projectorView = render(fake)
    fake.dropLink()
    await flushPromises()
    expect(presenterView.find('.poll-controls').exists()).toBe(false)
    expect(presenterView.find('.poll-presenter__reconnecting').text()).toContain('Reconnecting to the poll server')
    await button(presenterView, 'Take a show of hands now').trigger('click')
    expect(presenterView.findAll('.hands-input__letter').map(mark => mark.text())).toEqual(['A', 'B', 'C'])
    await presenterView.find('[aria-label="One more for Product manager"]').trigger('click')
    expect((presenterView.find('[aria-label="Hands for Product manager"]').element as HTMLInputElement).value).toBe('1')
    expect(projectorView.find('.poll-live__offline').text()).toContain('raise your hand')
    // Back online: the live poll again, and the choice is forgotten for the next outage.
    fake.connection.status.value = 'open'
    fake.connection.downSince.value = null
    await flushPromises()
    expect(projectorView.find('.poll-live__status').text()).toBe('Voting open')
  })

  it('shows only the answer on the projector after a show-of-hands reveal, without a stray "Live voting is off"', async () => {
    const fake = fakePollConnection('unreachable')
    const wrapper = render(fake)
    useHands(ID, 3).setCount(2, 15)
    usePollDisplay(ID).value = { ...DEFAULT_POLL_DISPLAY, handsRevealed: true }
    await flushPromises()
    expect(wrapper.find('.poll-reveal__answer').text()).toBe('Intended answer: C · Both, together')
    expect(wrapper.find('.poll-live__offline').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Live voting is off')
  })
})
