// @vitest-environment happy-dom
// Many devices from one address: the presenter view says so and can exclude their votes,
// after a second click; the projector never shows an address.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { fakePollConnection } from './support/fakePollConnection'
import { asPresenter, asProjector, button, poll, render, useScenarioPollHarness } from './support/scenarioPollHarness'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

useScenarioPollHarness()

describe('a crowded address', () => {
  it('warns the presenter, asks before excluding, and shows the exclusion once the server has it', async () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open' }))
    fake.connection.crowded.value = [{ address: '198.51.100.9', devices: 37, excluded: false }]
    asPresenter()
    const presenterView = render(fake)
    asProjector()
    const projectorView = render(fake)

    expect(presenterView.find('.crowded').text()).toContain('37 devices from one address (198.51.100.9)')
    expect(projectorView.find('.crowded').exists()).toBe(false)
    expect(projectorView.text()).not.toContain('198.51.100.9')

    await button(presenterView, 'Exclude their votes').trigger('click')
    expect(fake.exclusions).toEqual([])
    await button(presenterView, 'Yes, stop counting 37 devices').trigger('click')
    await flushPromises()
    expect(fake.exclusions).toEqual(['198.51.100.9'])
    expect(presenterView.find('.crowded').text()).toContain('Votes from 198.51.100.9 (37 devices) are excluded')
  })

  it('lets the presenter change their mind before anything is sent', async () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open' }))
    fake.connection.crowded.value = [{ address: '203.0.113.7', devices: 120, excluded: false }]
    asPresenter()
    const view = render(fake)
    await button(view, 'Exclude their votes').trigger('click')
    await button(view, 'Cancel').trigger('click')
    expect(fake.exclusions).toEqual([])
    expect(button(view, 'Exclude their votes').exists()).toBe(true)
  })
})
