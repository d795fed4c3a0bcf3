// @vitest-environment happy-dom
// The presenter view's poll controls: what the room sees, open/close/reveal, the V, C and R
// keys, reset, round 2, and a show of hands saved once the server is back.
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { useHands } from '../../composables/useHands'
import { usePollDisplay } from '../../composables/usePollDisplay'
import { runPollShortcut } from '../../composables/usePollShortcuts'
import { fakePollConnection } from './support/fakePollConnection'
import { asPresenter, asProjector, button, figures, ID, mounted, poll, render, useScenarioPollHarness } from './support/scenarioPollHarness'
import { slide } from './support/slidevClient'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

useScenarioPollHarness()

describe('what the room sees, from the presenter view to every projector', () => {
  it('shows results to the room through the server, says so, and hides them again', async () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [2, 1, 0], voters: 3 }] }))
    const presenterView = render(fake)
    asProjector()
    const projectorView = render(fake)
    expect(presenterView.find('.room-sees').text()).toBe('The room sees: question only')
    expect(projectorView.findAll('.result-bars__bar')).toHaveLength(0)
    expect(projectorView.find('.room-sees').exists()).toBe(false)
    // Until the reveal the controls sit beside the question, under a join panel without its QR code.
    expect(presenterView.find('.poll-live__side .poll-controls').exists()).toBe(true)
    expect(presenterView.find('.poll-live__side .join-qr').exists()).toBe(false)
    expect(projectorView.find('.poll-live__side .join-qr').exists()).toBe(true)

    await button(presenterView, 'Show results to the room').trigger('click')
    await flushPromises()
    expect(fake.displays).toEqual([{ poll: ID, patch: { showResults: true } }])
    expect(presenterView.find('.room-sees').text()).toBe('The room sees: question and results')
    expect(presenterView.find('.result-bars--muted').exists()).toBe(false)
    expect(figures(projectorView)).toEqual(['2 · 67%', '1 · 33%', '0 · 0%'])

    await button(presenterView, 'Hide results').trigger('click')
    await flushPromises()
    expect(presenterView.find('.room-sees').text()).toBe('The room sees: question only')
    expect(projectorView.findAll('.result-bars__bar')).toHaveLength(0)
  })

  it('folds the reasoning away on the presenter\'s slide after the reveal, and shows it whole to the room', () => {
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'revealed', rounds: [{ round: 1, counts: [1, 1, 2], voters: 4 }] }))
    asPresenter()
    const presenterView = render(fake)
    asProjector()
    const projectorView = render(fake)
    expect(presenterView.find('.poll-reveal details summary').text()).toBe('The reasoning the room reads')
    // The answer takes the side: the controls go under the columns, and latecomers' join panel is the room's alone.
    expect(presenterView.find('.poll-live > .poll-controls').exists()).toBe(true)
    expect(presenterView.find('.join-panel').exists()).toBe(false)
    expect(projectorView.find('.join-panel').exists()).toBe(true)
    expect(projectorView.find('.poll-reveal details').exists()).toBe(false)
    expect(projectorView.find('.poll-reveal__rationale').text()).toBe(presenterView.find('.poll-reveal__rationale').text())
  })

  it('says the room sees the answer once revealed', () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'revealed', rounds: [{ round: 1, counts: [1, 1, 2], voters: 4 }] }))
    expect(render(fake).find('.room-sees').text()).toBe('The room sees: answer and results')
  })
})

describe('scenarioPoll in the presenter view', () => {
  it('opens, closes and reveals through the server, with buttons that match the state', async () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll())
    const wrapper = render(fake)
    expect(button(wrapper, 'Close voting').attributes('disabled')).toBeDefined()
    await button(wrapper, 'Open voting').trigger('click')
    await flushPromises()
    expect(fake.controls).toEqual([{ action: 'open', poll: ID }])

    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [1, 0, 0], voters: 1 }] }))
    await wrapper.vm.$nextTick()
    // The presenter sees the split striped (the room does not) and the buttons follow the state.
    expect(wrapper.find('.result-bars--muted').exists()).toBe(true)
    expect(wrapper.find('.poll-controls__message').text()).toBe('Striped bars: only you see them')
    expect(wrapper.find('.room-sees').text()).toBe('The room sees: question only')
    expect(button(wrapper, 'Open voting').attributes('disabled')).toBeDefined()
    await button(wrapper, 'Close voting').trigger('click')
    await flushPromises()
    fake.setPoll(poll({ status: 'closed', rounds: [{ round: 1, counts: [1, 0, 0], voters: 1 }] }))
    await wrapper.vm.$nextTick()
    expect(button(wrapper, 'Reopen voting').attributes('disabled')).toBeUndefined()
    await button(wrapper, 'Reveal answer').trigger('click')
    await flushPromises()
    expect(fake.controls.map(control => control.action)).toEqual(['open', 'close', 'reveal'])
  })

  it('answers the V, C and R keys only on the current slide of the presenter view', async () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open' }))
    render(fake)
    expect(runPollShortcut('close')).toBe(true)
    await flushPromises()
    expect(fake.controls).toEqual([{ action: 'close', poll: ID }])
    mounted.splice(0).forEach(wrapper => wrapper.unmount())

    for (const where of [{ renderContext: 'slide', presenter: false }, { renderContext: 'previewNext', presenter: true }, { renderContext: 'presenter', presenter: true, active: false }]) {
      Object.assign(slide, { active: true }, where)
      const other = fakePollConnection()
      other.setPoll(poll({ status: 'open' }))
      const wrapper = render(other)
      expect(wrapper.find('.poll-controls').exists(), where.renderContext).toBe(false)
      expect(runPollShortcut('close'), where.renderContext).toBe(false)
      expect(other.controls).toEqual([])
      mounted.splice(0).forEach(mountedWrapper => mountedWrapper.unmount())
    }
  })

  it('resets only after confirmation', async () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'closed', rounds: [{ round: 1, counts: [1, 0, 0], voters: 1 }] }))
    const wrapper = render(fake)
    await button(wrapper, 'Reset').trigger('click')
    expect(wrapper.text()).toContain('Delete every vote on this poll and start over?')
    await button(wrapper, 'Keep votes').trigger('click')
    expect(fake.controls).toEqual([])
    await button(wrapper, 'Reset').trigger('click')
    await button(wrapper, 'Yes, reset poll').trigger('click')
    await flushPromises()
    expect(fake.controls).toEqual([{ action: 'reset', poll: ID }])
  })

  it('starts round 2 and offers to compare the rounds', async () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'closed', rounds: [{ round: 1, counts: [2, 0, 1], voters: 3 }] }))
    const wrapper = render(fake)
    expect(wrapper.findAll('button').some(candidate => candidate.text().startsWith('Compare rounds'))).toBe(false)
    await button(wrapper, 'Start round 2').trigger('click')
    await flushPromises()
    expect(fake.controls).toEqual([{ action: 'next-round', poll: ID }])
    fake.setPoll(poll({ status: 'open', round: 2, rounds: [{ round: 1, counts: [2, 0, 1], voters: 3 }, { round: 2, counts: [0, 0, 1], voters: 1 }] }))
    await wrapper.vm.$nextTick()
    expect(wrapper.find('.poll-live__status').text()).toBe('Voting open · round 2')
    await button(wrapper, 'Compare rounds for the room').trigger('click')
    await flushPromises()
    expect(fake.displays).toEqual([{ poll: ID, patch: { compareRounds: true } }])
    // Voting is open and the results are hidden: comparing changes nothing for the room yet.
    expect(wrapper.find('.room-sees').text()).toBe('The room sees: question only')
  })

  it('takes a show of hands without a server, reveals locally, and saves the hands once the server is back', async () => {
    asPresenter()
    const fake = fakePollConnection('unreachable')
    const wrapper = render(fake)
    const inputs = wrapper.findAll('.hands-input input')
    expect(inputs).toHaveLength(3)
    await inputs[1]!.setValue('7')
    await inputs[1]!.trigger('change')
    await button(wrapper, '+').trigger('click')
    expect(useHands(ID, 3).state.value).toEqual({ round: 1, counts: [1, 7, 0], saved: false })
    await button(wrapper, 'Reveal answer').trigger('click')
    expect(wrapper.find('.poll-reveal__answer').text()).toBe('Intended answer: C · Both, together')

    // The server comes back: the hands are saved like votes, then the reveal follows.
    fake.setPoll(poll())
    fake.connection.status.value = 'open'
    await flushPromises()
    expect(fake.hands).toEqual([{ poll: ID, round: 1, counts: [1, 7, 0] }])
    expect(useHands(ID, 3).state.value.saved).toBe(true)
    fake.setPoll(poll({ status: 'closed', rounds: [{ round: 1, counts: [1, 7, 0], voters: 8 }] }))
    await flushPromises()
    expect(fake.controls).toEqual([{ action: 'reveal', poll: ID }])
    fake.setPoll(poll({ status: 'revealed', rounds: [{ round: 1, counts: [1, 7, 0], voters: 8 }] }))
    await flushPromises()
    expect(usePollDisplay(ID).value.handsRevealed).toBe(false)
    expect(wrapper.find('.poll-reveal').exists()).toBe(true)
  })
})
