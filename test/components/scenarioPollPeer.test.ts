// @vitest-environment happy-dom
// Peer instruction: round 1's band and the next step, for the presenter's eyes only.
import { describe, expect, it, vi } from 'vitest'
import { useHands } from '../../composables/useHands'
import { fakePollConnection } from './support/fakePollConnection'
import { asPresenter, button, ID, poll, render, useScenarioPollHarness } from './support/scenarioPollHarness'
import { slide } from './support/slidevClient'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

useScenarioPollHarness()

describe('peer instruction', () => {
  // 2 of 5 on the intended answer (C): 40%, the band where pairs discuss.
  const split = () => poll({ status: 'closed', rounds: [{ round: 1, counts: [2, 1, 2], voters: 5 }] })

  it('shows the presenter the band of the first vote and the suggested step', () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(split())
    const wrapper = render(fake)
    expect(wrapper.find('.peer-step__band').text()).toBe('Round 1: 2 of 5 on the intended answer (40%) · band 30–70%')
    expect(wrapper.find('.peer-step__next').text()).toContain('"convince your neighbour"')
    expect(button(wrapper, 'Start round 2').attributes('data-suggested')).toBeDefined()
    expect(button(wrapper, 'Reveal answer').attributes('data-suggested')).toBeUndefined()
  })

  it('keeps the band and the step off the projector until and after the reveal', async () => {
    const fake = fakePollConnection()
    fake.setPoll(split())
    const wrapper = render(fake)
    expect(wrapper.find('.peer-step').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('40%')
    expect(wrapper.text()).not.toContain('neighbour')
    fake.setPoll(poll({ status: 'revealed', rounds: [{ round: 1, counts: [2, 1, 2], voters: 5 }] }))
    await wrapper.vm.$nextTick()
    expect(wrapper.find('.peer-step').exists()).toBe(false)
  })

  it('keeps them out of the presenter view\'s previews too', () => {
    Object.assign(slide, { renderContext: 'previewNext', presenter: true, active: true })
    const fake = fakePollConnection()
    fake.setPoll(split())
    expect(render(fake).find('.peer-step').exists()).toBe(false)
  })

  it('reads the band from a show of hands when no poll server answers, for the presenter only', async () => {
    useHands(ID, 3).setCount(0, 6)
    useHands(ID, 3).setCount(2, 4)
    const projector = render(fakePollConnection('unreachable'))
    asPresenter()
    const presenter = render(fakePollConnection('unreachable'))
    await presenter.vm.$nextTick()
    expect(presenter.find('.peer-step__band').text()).toBe('Hands: 4 of 10 on the intended answer (40%) · band 30–70%')
    expect(projector.find('.peer-step').exists()).toBe(false)
  })

  it('tells the presenter to move on when the room is nearly unanimous', () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'closed', rounds: [{ round: 1, counts: [0, 1, 9], voters: 10 }] }))
    const wrapper = render(fake)
    expect(wrapper.find('.peer-step__band').text()).toContain('band over 70%')
    expect(button(wrapper, 'Reveal answer').attributes('data-suggested')).toBeDefined()
  })
})
