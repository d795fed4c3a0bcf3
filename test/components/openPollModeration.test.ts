// @vitest-environment happy-dom
// <OpenPoll>: the presenter's moderation queue sends `moderate`; the projector's cloud
// draws approved answers only, whatever its connection was sent; answers stay text.
import type { DOMWrapper } from '@vue/test-utils'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { fakePollConnection } from './support/fakePollConnection'
import { OPEN_ID, openPoll, queueRound, renderOpen, usePromptPollHarness } from './support/promptPollHarness'
import { asPresenter, asProjector, button } from './support/scenarioPollHarness'

vi.mock('@slidev/client', () => import('./support/slidevClient'))
vi.mock('virtual:scenario-library', () => import('./support/scenarioLibrary'))
vi.mock('virtual:session-plan', () => import('./support/sessionPlan'))

usePromptPollHarness()

const QUEUE = queueRound([
  { key: 'planning', text: 'Planning', count: 4, status: 'approved', flagged: false },
  { key: 'risk', text: 'Risk', count: 2, status: 'pending', flagged: false },
  { key: 'script', text: '<script>alert(1)</script>', count: 1, status: 'pending', flagged: false },
  { key: 'rude', text: 'rude word', count: 1, status: 'hidden', flagged: true },
])

function moderating() {
  const fake = fakePollConnection()
  fake.connection.moderator.value = true
  fake.setPoll(openPoll([QUEUE]))
  return fake
}

const cloudWords = (wrapper: ReturnType<typeof renderOpen>) => wrapper.findAll('.word-cloud__word').map(word => word.text())
/** A group's own button, by its visible text. */
const rowButton = (row: DOMWrapper<Element>, text: string) => row.findAll('button').find(candidate => candidate.text() === text)!
const queueRow = (wrapper: ReturnType<typeof renderOpen>, text: string) => wrapper.findAll('.moderation__group').find(row => row.find('.moderation__text').text() === text)!

describe('the moderation queue in the presenter view', () => {
  it('lists pending answers first, with counts per status and the word-list flag', () => {
    asPresenter()
    const wrapper = renderOpen(moderating())
    expect(wrapper.findAll('.moderation__text').map(text => text.text())).toEqual(['Risk', '<script>alert(1)</script>', 'Planning', 'rude word'])
    expect(wrapper.findAll('.moderation__count').map(count => count.text())).toEqual(['Pending 3', 'On screen 4', 'Hidden 1'])
    expect(queueRow(wrapper, 'rude word').find('.moderation__flag').exists()).toBe(true)
    expect(queueRow(wrapper, 'Risk').find('.moderation__flag').exists()).toBe(false)
    // Typed text stays text: no element was made from it.
    expect(wrapper.find('.moderation script').exists()).toBe(false)
  })

  it('sends moderate for one group, to approve or hide it, and for every pending group', async () => {
    asPresenter()
    const fake = moderating()
    const wrapper = renderOpen(fake)
    await rowButton(queueRow(wrapper, 'Risk'), 'Approve').trigger('click')
    await flushPromises()
    await rowButton(queueRow(wrapper, 'Planning'), 'Hide').trigger('click')
    await flushPromises()
    await button(wrapper, 'Approve all pending').trigger('click')
    await flushPromises()
    expect(fake.moderations).toEqual([
      { poll: OPEN_ID, keys: ['risk'], status: 'approved' },
      { poll: OPEN_ID, keys: ['planning'], status: 'hidden' },
      { poll: OPEN_ID, keys: 'pending', status: 'approved' },
    ])
  })

  it('offers no decision that is already made, and names each button for a screen reader', () => {
    asPresenter()
    const wrapper = renderOpen(moderating())
    expect(rowButton(queueRow(wrapper, 'Planning'), 'Approve').attributes('disabled')).toBeDefined()
    expect(rowButton(queueRow(wrapper, 'rude word'), 'Hide').attributes('disabled')).toBeDefined()
    expect(rowButton(queueRow(wrapper, 'Risk'), 'Hide').attributes('aria-label')).toBe('Hide “Risk”')
  })

  it('keeps the queue, with no decision to make, while the link reconnects, and drops it once the poll is off', async () => {
    vi.useFakeTimers()
    try {
      asPresenter()
      const fake = moderating()
      const wrapper = renderOpen(fake)
      fake.dropLink()
      await vi.advanceTimersByTimeAsync(1_000)
      expect(wrapper.findAll('.moderation__text').map(text => text.text())).toContain('Risk')
      expect(wrapper.findAll('.moderation button').every(candidate => candidate.attributes('disabled') !== undefined)).toBe(true)
      // After the grace period the slide says the live poll is off: the room calls answers out.
      await vi.advanceTimersByTimeAsync(25_000)
      expect(wrapper.find('.moderation').exists()).toBe(false)
      expect(wrapper.find('.prompt-live__offline').exists()).toBe(true)
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('shows no queue on a link that is not moderating, nor on the projector', () => {
    asPresenter()
    const fake = moderating()
    fake.connection.moderator.value = false
    expect(renderOpen(fake).find('.moderation').exists()).toBe(false)
    asProjector()
    expect(renderOpen(moderating()).find('.moderation').exists()).toBe(false)
  })
})

describe('the room\'s word cloud', () => {
  it('draws approved answers only, even from a link that was sent pending and hidden ones', () => {
    asProjector()
    const wrapper = renderOpen(moderating())
    expect(cloudWords(wrapper)).toEqual(['Planning'])
    expect(wrapper.text()).not.toContain('Risk')
    expect(wrapper.text()).not.toContain('rude word')
    expect(wrapper.text()).not.toContain('<script>')
  })

  it('draws a newly approved answer and drops one hidden again', async () => {
    asProjector()
    const fake = moderating()
    const wrapper = renderOpen(fake)
    fake.setPoll(openPoll([queueRound([
      { key: 'planning', text: 'Planning', count: 4, status: 'hidden', flagged: false },
      { key: 'risk', text: 'Risk', count: 2, status: 'approved', flagged: false },
    ])]))
    await wrapper.vm.$nextTick()
    expect(cloudWords(wrapper)).toEqual(['Risk'])
  })

  it('keeps typed markup as text in the cloud', () => {
    asProjector()
    const fake = fakePollConnection()
    // A projector's link: approved groups, no statuses.
    fake.setPoll(openPoll([{ round: 1, groups: [{ key: 'b', text: '<b>bold</b>', count: 2 }], more: 0, answers: 2 }]))
    const wrapper = renderOpen(fake)
    expect(cloudWords(wrapper)).toEqual(['<b>bold</b>'])
    expect(wrapper.find('.word-cloud b').exists()).toBe(false)
  })

  it('shows nothing of the answers before the presenter shows results', () => {
    asProjector()
    const fake = fakePollConnection()
    fake.setPoll(openPoll([{ round: 1, groups: [{ key: 'planning', text: 'Planning', count: 2 }], more: 0, answers: 2 }], { display: { showResults: false, compareRounds: false } }))
    const wrapper = renderOpen(fake)
    expect(wrapper.find('.word-cloud').exists()).toBe(false)
    expect(wrapper.find('.prompt-live__waiting').text()).toContain('when the presenter shows them')
  })
})
