// @vitest-environment happy-dom
// A poll server outage on a scale or open poll: the presenter need not wait out the grace
// period, as on a scenario poll (scenarioPollOutage.test.ts).
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { fakePollConnection } from './support/fakePollConnection'
import { openPoll, queueRound, renderOpen, renderScale, scalePoll, usePromptPollHarness } from './support/promptPollHarness'
import { asPresenter, asProjector, button } from './support/scenarioPollHarness'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

usePromptPollHarness()

describe('scale and open polls through a poll server outage', () => {
  it('lets the presenter of a scale poll count hands at once, and the projector follows', async () => {
    const fake = fakePollConnection()
    fake.setPoll(scalePoll({ rounds: [{ round: 1, counts: [1, 2, 0, 0, 0, 0, 0], voters: 3, median: 2 }] }))
    asPresenter()
    const presenterView = renderScale(fake)
    asProjector()
    const projectorView = renderScale(fake)
    fake.dropLink()
    await flushPromises()
    expect(presenterView.find('.poll-controls').exists()).toBe(false)
    expect(presenterView.find('.poll-presenter__reconnecting').text()).toContain('answers already received are saved')
    expect(projectorView.find('.prompt-live__status').text()).toBe('Voting open · reconnecting…')

    await button(presenterView, 'Take a show of hands now').trigger('click')
    // The scale's own numbers, and no − and + buttons: seven fields and Reveal fit the slide's one line.
    expect(presenterView.findAll('.hands-input__letter').map(mark => mark.text())).toEqual(['1', '2', '3', '4', '5', '6', '7'])
    expect(presenterView.findAll('.hands-input input').map(field => field.attributes('aria-label'))).toEqual(['1', '2', '3', '4', '5', '6', '7'].map(n => `Hands for ${n}`))
    expect(presenterView.find('[aria-label^="One more"]').exists()).toBe(false)
    expect(presenterView.find('.hands-input__reveal').text()).toBe('Reveal results R')
    expect(projectorView.find('.prompt-live__offline').text()).toContain('Hold up as many fingers as your number')
  })

  it('lets the presenter of an open poll collect answers aloud at once', async () => {
    const fake = fakePollConnection()
    fake.setPoll(openPoll([queueRound([])]))
    asPresenter()
    const presenterView = renderOpen(fake)
    asProjector()
    const projectorView = renderOpen(fake)
    fake.dropLink()
    await flushPromises()
    expect(presenterView.find('.poll-presenter__reconnecting').text()).toContain('Reconnecting to the poll server')

    await button(presenterView, 'Collect answers aloud now').trigger('click')
    // No show of hands for words: the room is asked aloud.
    expect(presenterView.find('.hands-input').exists()).toBe(false)
    expect(projectorView.find('.prompt-live__offline').text()).toContain('Call out your answer when asked')
  })
})
