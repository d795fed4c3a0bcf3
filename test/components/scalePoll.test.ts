// @vitest-environment happy-dom
// <ScalePoll>: the histogram drawn from the server's tallies, for the room once shown or
// revealed, round 2 beside round 1 when compared; and the static card in print.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { fakePollConnection } from './support/fakePollConnection'
import { renderScale, SCALE_ID, scalePoll, usePromptPollHarness } from './support/promptPollHarness'
import { asPresenter, asProjector, button } from './support/scenarioPollHarness'
import { slide } from './support/slidevClient'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

usePromptPollHarness()

const counts = (wrapper: ReturnType<typeof renderScale>) => wrapper.findAll('.scale-histogram__count').map(count => count.text())

describe('scalePoll on the projector', () => {
  it('shows the scale and its ends, not the tally, until results are shown', () => {
    const fake = fakePollConnection()
    fake.setPoll(scalePoll({ rounds: [{ round: 1, counts: [1, 2, 0, 0, 0, 0, 0], voters: 3, median: 2 }] }))
    const wrapper = renderScale(fake)
    expect(wrapper.find('.scale-histogram').exists()).toBe(false)
    expect(wrapper.findAll('.prompt-live .scale-strip li').map(item => item.text())).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    expect(wrapper.findAll('.prompt-live .scale-strip__ends span').map(end => end.text())).toEqual(['← Visionary', 'Executor →'])
    expect(wrapper.find('.prompt-live .scale-strip ol').attributes('aria-label')).toBe('1 is Visionary, 7 is Executor')
  })

  it('draws the histogram from the tallies as they arrive, with the median', async () => {
    const fake = fakePollConnection()
    fake.setPoll(scalePoll({ display: { showResults: true, compareRounds: false }, rounds: [{ round: 1, counts: [1, 2, 0, 0, 0, 0, 0], voters: 3, median: 2 }] }))
    const wrapper = renderScale(fake)
    expect(counts(wrapper)).toEqual(['1', '2', '0', '0', '0', '0', '0'])
    expect(wrapper.find('.scale-histogram__summary').text()).toBe('3 answers · median 2')

    fake.setPoll(scalePoll({ display: { showResults: true, compareRounds: false }, rounds: [{ round: 1, counts: [1, 2, 0, 4, 0, 0, 1], voters: 8, median: 4 }] }))
    await wrapper.vm.$nextTick()
    expect(counts(wrapper)).toEqual(['1', '2', '0', '4', '0', '0', '1'])
    expect(wrapper.find('.scale-histogram__summary').text()).toBe('8 answers · median 4')
  })

  it('shows round 2 beside round 1 when the presenter compares them, and how far the median moved', () => {
    const fake = fakePollConnection()
    fake.setPoll(scalePoll({
      status: 'revealed',
      round: 2,
      display: { showResults: false, compareRounds: true },
      rounds: [{ round: 1, counts: [2, 2, 0, 0, 0, 0, 0], voters: 4, median: 1.5 }, { round: 2, counts: [0, 0, 0, 4, 0, 0, 0], voters: 4, median: 4 }],
    }))
    const wrapper = renderScale(fake)
    // Across the slide: fourteen bars do not fit beside the join panel.
    expect(wrapper.find('.prompt-live__wide .scale-histogram--compare').exists()).toBe(true)
    expect(wrapper.find('.scale-histogram__summary').text()).toBe('Median 1–2 → 4 (2.5 points towards Executor)')
  })

  it('draws the static card in print, with no live poll', () => {
    slide.print = true
    const wrapper = renderScale()
    expect(wrapper.find('.prompt-live').exists()).toBe(false)
    expect(wrapper.findAll('.prompt-card .scale-strip li').map(item => item.text())).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    expect(wrapper.findAll('.prompt-card .scale-strip__ends span').map(end => end.text())).toEqual(['← Visionary', 'Executor →'])
  })
})

describe('scalePoll in the presenter view', () => {
  it('shows the presenter a faded histogram the room does not see yet, and reveals results with R-labelled controls', async () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(scalePoll({ rounds: [{ round: 1, counts: [0, 1, 0, 0, 0, 0, 0], voters: 1, median: 2 }] }))
    const presenter = renderScale(fake)
    asProjector()
    const projector = renderScale(fake)
    expect(presenter.find('.prompt-live__results--private .scale-histogram').exists()).toBe(true)
    // Beside the question, under the compact join panel: under it they would leave the slide in round 2.
    expect(presenter.find('.prompt-live__side .poll-controls').exists()).toBe(true)
    expect(presenter.find('.prompt-live__side .join-panel--compact').exists()).toBe(true)
    expect(presenter.find('.room-sees').text()).toBe('The room sees: question only')
    expect(projector.find('.scale-histogram').exists()).toBe(false)

    await button(presenter, 'Close voting').trigger('click')
    await flushPromises()
    fake.setPoll(scalePoll({ status: 'closed', rounds: [{ round: 1, counts: [0, 1, 0, 0, 0, 0, 0], voters: 1, median: 2 }] }))
    await presenter.vm.$nextTick()
    await button(presenter, 'Reveal results').trigger('click')
    await flushPromises()
    expect(fake.controls).toEqual([{ action: 'close', poll: SCALE_ID }, { action: 'reveal', poll: SCALE_ID }])
    fake.setPoll(scalePoll({ status: 'revealed', rounds: [{ round: 1, counts: [0, 1, 0, 0, 0, 0, 0], voters: 1, median: 2 }] }))
    await presenter.vm.$nextTick()
    expect(presenter.find('.room-sees').text()).toBe('The room sees: results and debrief')
    // The debrief takes the side once revealed: the controls move under the columns.
    expect(presenter.find('.prompt-live__side .poll-controls').exists()).toBe(false)
    expect(presenter.find('.prompt-live > .poll-controls').exists()).toBe(true)
    expect(projector.find('.prompt-live__debrief').text()).toContain('What pulls you there?')
    expect(projector.find('.scale-histogram__summary').text()).toBe('1 answer · median 2')
  })
})
