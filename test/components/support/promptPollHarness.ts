// Mounts <ScalePoll id="where-now"> or <OpenPoll id="one-word"> against a fake poll
// connection. A test file mocks Slidev's client, the scenario library and the session plan
// with the modules beside this one, then calls usePromptPollHarness().
import type { Component } from 'vue'
import type { AnswerGroup, AnswerRound, PresenterPoll } from '../../../poll/protocol'
import { mount } from '@vue/test-utils'
import { afterEach, beforeEach } from 'vitest'
import OpenPoll from '../../../components/OpenPoll.vue'
import ScalePoll from '../../../components/ScalePoll.vue'
import { useHands } from '../../../composables/useHands'
import { POLL_CONNECTION_KEY } from '../../../composables/usePollConnection'
import { DEFAULT_POLL_DISPLAY, usePollDisplay } from '../../../composables/usePollDisplay'
import { fakePollConnection } from './fakePollConnection'
import { mounted, unmountAll } from './scenarioPollHarness'
import { slide } from './slidevClient'

export const SCALE_ID = 'where-now'
export const OPEN_ID = 'one-word'

export function scalePoll(patch: Partial<PresenterPoll> = {}): PresenterPoll {
  return { id: SCALE_ID, kind: 'scale', status: 'open', round: 1, answer: null, rounds: [{ round: 1, counts: [0, 0, 0, 0, 0, 0, 0], voters: 0, median: null }], display: { showResults: false, compareRounds: false }, ...patch }
}

/** An open poll's round as the moderating presenter gets it (statuses and counts per status). */
export function queueRound(groups: AnswerGroup[]): AnswerRound {
  const byStatus = { pending: 0, approved: 0, hidden: 0 }
  for (const group of groups)
    byStatus[group.status ?? 'pending'] += group.count
  return { round: 1, groups, more: 0, answers: groups.reduce((sum, group) => sum + group.count, 0), byStatus }
}

export function openPoll(answers: AnswerRound[], patch: Partial<PresenterPoll> = {}): PresenterPoll {
  return { id: OPEN_ID, kind: 'open', status: 'open', round: 1, answer: null, rounds: [{ round: 1, counts: [], voters: 3 }], display: { showResults: true, compareRounds: false }, answers, ...patch }
}

function renderWith(component: Component, id: string, fake: ReturnType<typeof fakePollConnection>) {
  const wrapper = mount(component, {
    props: { id },
    global: { provide: { [POLL_CONNECTION_KEY as symbol]: fake.connection }, directives: { click: {} } },
  })
  mounted.push(wrapper)
  return wrapper
}

export const renderScale = (fake = fakePollConnection()) => renderWith(ScalePoll, SCALE_ID, fake)
export const renderOpen = (fake = fakePollConnection()) => renderWith(OpenPoll, OPEN_ID, fake)

/** Each test starts on the projector with nothing revealed, and unmounts what it mounted. */
export function usePromptPollHarness(): void {
  beforeEach(() => {
    Object.assign(slide, { renderContext: 'slide', print: false, presenter: false, active: true })
    for (const id of [SCALE_ID, OPEN_ID])
      usePollDisplay(id).value = { ...DEFAULT_POLL_DISPLAY }
    useHands(SCALE_ID, 7).clear()
  })
  afterEach(unmountAll)
}
