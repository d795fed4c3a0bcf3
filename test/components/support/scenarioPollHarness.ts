// Mounts <ScenarioPoll id="dark-mode"> against a fake poll connection. A test file mocks
// Slidev's client, the scenario library and the session plan with the modules beside
// this one (slidevClient, scenarioLibrary, sessionPlan), then calls useScenarioPollHarness().
import type { VueWrapper } from '@vue/test-utils'
import type { PresenterPoll } from '../../../poll/protocol'
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach } from 'vitest'
import ScenarioPoll from '../../../components/ScenarioPoll.vue'
import { useHands } from '../../../composables/useHands'
import { POLL_CONNECTION_KEY } from '../../../composables/usePollConnection'
import { DEFAULT_POLL_DISPLAY, usePollDisplay } from '../../../composables/usePollDisplay'
import { fakePollConnection } from './fakePollConnection'
import { slide } from './slidevClient'

export const ID = 'dark-mode'

export function poll(patch: Partial<PresenterPoll> = {}): PresenterPoll {
  return { id: ID, kind: 'choice', status: 'draft', round: 1, answer: 2, rounds: [{ round: 1, counts: [0, 0, 0], voters: 0 }], display: { showResults: false, compareRounds: false }, ...patch }
}

export const mounted: VueWrapper[] = []

export function render(fake = fakePollConnection()) {
  const wrapper = mount(ScenarioPoll, {
    props: { id: ID },
    global: { provide: { [POLL_CONNECTION_KEY as symbol]: fake.connection }, directives: { click: {} } },
  })
  mounted.push(wrapper)
  return wrapper
}

export function unmountAll(): void {
  mounted.splice(0).forEach(wrapper => wrapper.unmount())
}

export function asProjector() {
  Object.assign(slide, { renderContext: 'slide', print: false, presenter: false, active: true })
}
export function asPresenter() {
  Object.assign(slide, { renderContext: 'presenter', print: false, presenter: true, active: true })
}

export const rows = (wrapper: VueWrapper) => wrapper.findAll('.result-bars__row')
export const figures = (wrapper: VueWrapper) => wrapper.findAll('.result-bars__figure').map(figure => figure.text())
export const button = (wrapper: VueWrapper, text: string) => wrapper.findAll('button').find(candidate => candidate.text().startsWith(text))!

/** Each test starts on the projector, with no show of hands and nothing revealed, and unmounts what it mounted. */
export function useScenarioPollHarness(): void {
  beforeEach(() => {
    asProjector()
    usePollDisplay(ID).value = { ...DEFAULT_POLL_DISPLAY }
    useHands(ID, 3).clear()
  })
  afterEach(unmountAll)
}
