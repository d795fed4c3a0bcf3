// @vitest-environment happy-dom
import type { VueWrapper } from '@vue/test-utils'
import type { PresenterPoll } from '../../poll/protocol'
import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { computed, ref } from 'vue'
import ScenarioPoll from '../../components/ScenarioPoll.vue'
import { runPollShortcut } from '../../composables/pollShortcuts'
import { useHands } from '../../composables/useHands'
import { POLL_CONNECTION_KEY } from '../../composables/usePollConnection'
import { DEFAULT_POLL_DISPLAY, usePollDisplay } from '../../composables/usePollDisplay'
import { fakePollConnection } from './support/fakePollConnection'

// Where Slidev draws this instance: the test moves it between the projector, the presenter view, previews and print.
const slide = vi.hoisted(() => ({ renderContext: 'slide', print: false, presenter: false, active: true }))
vi.mock('@slidev/client', () => ({
  configs: {},
  useSlideContext: () => ({ $renderContext: computed(() => slide.renderContext), $page: ref(4) }),
  useNav: () => ({ isPrintMode: computed(() => slide.print), isPresenter: computed(() => slide.presenter), currentSlideNo: ref(4) }),
  useIsSlideActive: () => computed(() => slide.active),
}))

vi.mock('virtual:scenario-library', () => ({
  default: {
    sections: [{ id: 'defining-roles', number: 1, title: 'Defining the roles', scenarioIds: ['dark-mode'] }],
    scenarios: [{
      id: 'dark-mode',
      section: 'defining-roles',
      title: 'Is dark mode coming, and when?',
      situation: 'A sales rep asks whether dark mode is on the roadmap and when it ships.',
      question: 'Who should handle this?',
      choices: ['Product manager', 'Project manager', 'Both, together'],
      answer: 'Both, together',
      rationale: 'Whether it is on the roadmap is a product call; when is a project call.',
      debrief: ['Which half did you want to answer first?'],
      minutes: 4,
      difficulty: 'contested',
      tags: [],
    }],
  },
}))

vi.mock('virtual:session-plan', () => ({
  default: { name: '90', title: 'Test plan', minutes: 90, agenda: [], polls: [{ number: 3, scenarioId: 'dark-mode', section: 'defining-roles', title: 'Is dark mode coming, and when?' }] },
}))

const ID = 'dark-mode'

function poll(patch: Partial<PresenterPoll> = {}): PresenterPoll {
  return { id: ID, status: 'draft', round: 1, answer: 2, rounds: [{ round: 1, counts: [0, 0, 0], voters: 0 }], display: { showResults: false, compareRounds: false }, ...patch }
}

const mounted: VueWrapper[] = []
function render(fake = fakePollConnection()) {
  const wrapper = mount(ScenarioPoll, {
    props: { id: ID },
    global: { provide: { [POLL_CONNECTION_KEY as symbol]: fake.connection }, directives: { click: {} } },
  })
  mounted.push(wrapper)
  return wrapper
}

function asProjector() {
  Object.assign(slide, { renderContext: 'slide', print: false, presenter: false, active: true })
}
function asPresenter() {
  Object.assign(slide, { renderContext: 'presenter', print: false, presenter: true, active: true })
}

const rows = (wrapper: VueWrapper) => wrapper.findAll('.result-bars__row')
const figures = (wrapper: VueWrapper) => wrapper.findAll('.result-bars__figure').map(figure => figure.text())
const button = (wrapper: VueWrapper, text: string) => wrapper.findAll('button').find(candidate => candidate.text().startsWith(text))!

beforeEach(() => {
  asProjector()
  usePollDisplay(ID).set({ ...DEFAULT_POLL_DISPLAY })
  useHands(ID, 3).clear()
})
afterEach(() => {
  mounted.splice(0).forEach(wrapper => wrapper.unmount())
})

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

describe('what the room sees, from the presenter view to every projector', () => {
  it('shows results to the room through the server, says so, and hides them again', async () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [2, 1, 0], voters: 3 }] }))
    const presenterView = render(fake)
    asProjector()
    const projectorView = render(fake)
    expect(presenterView.find('.poll-live__room-sees').text()).toBe('The room sees: question only')
    expect(projectorView.findAll('.result-bars__bar')).toHaveLength(0)
    expect(projectorView.find('.poll-live__room-sees').exists()).toBe(false)

    await button(presenterView, 'Show results to the room').trigger('click')
    await flushPromises()
    expect(fake.displays).toEqual([{ poll: ID, patch: { showResults: true } }])
    expect(presenterView.find('.poll-live__room-sees').text()).toBe('The room sees: question and results')
    expect(presenterView.find('.result-bars--muted').exists()).toBe(false)
    expect(figures(projectorView)).toEqual(['2 · 67%', '1 · 33%', '0 · 0%'])

    await button(presenterView, 'Hide results').trigger('click')
    await flushPromises()
    expect(presenterView.find('.poll-live__room-sees').text()).toBe('The room sees: question only')
    expect(projectorView.findAll('.result-bars__bar')).toHaveLength(0)
  })

  it('says the room sees the answer once revealed', () => {
    asPresenter()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'revealed', rounds: [{ round: 1, counts: [1, 1, 2], voters: 4 }] }))
    expect(render(fake).find('.poll-live__room-sees').text()).toBe('The room sees: answer and results')
  })
})

describe('scenarioPoll through a poll server outage', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  function dropLink(fake: ReturnType<typeof fakePollConnection>) {
    fake.connection.status.value = 'reconnecting'
    fake.connection.downSince.value = Date.now()
  }

  it('keeps the join panel and the last counts on the projector and says "reconnecting", then offers a show of hands after 20 s', async () => {
    vi.useFakeTimers()
    const fake = fakePollConnection()
    fake.setPoll(poll({ status: 'open', rounds: [{ round: 1, counts: [2, 1, 0], voters: 3 }] }))
    const wrapper = render(fake)
    dropLink(fake)
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
    dropLink(fake)
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
    dropLink(fake)
    await flushPromises()
    expect(presenterView.find('.poll-controls').exists()).toBe(false)
    expect(presenterView.find('.poll-live__reconnecting').text()).toContain('Reconnecting to the poll server')
    await button(presenterView, 'Take a show of hands now').trigger('click')
    expect(presenterView.find('.hands-input').exists()).toBe(true)
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
    usePollDisplay(ID).set({ ...DEFAULT_POLL_DISPLAY, handsRevealed: true })
    await flushPromises()
    expect(wrapper.find('.poll-reveal__answer').text()).toBe('Intended answer: C · Both, together')
    expect(wrapper.find('.poll-live__offline').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('Live voting is off')
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
    expect(wrapper.find('.poll-live__room-sees').text()).toBe('The room sees: question only')
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
    expect(wrapper.find('.poll-live__room-sees').text()).toBe('The room sees: question only')
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
    expect(usePollDisplay(ID).state.value.handsRevealed).toBe(false)
    expect(wrapper.find('.poll-reveal').exists()).toBe(true)
  })
})

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
