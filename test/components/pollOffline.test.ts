// @vitest-environment happy-dom
// The box a live poll slide shows without its poll server: the room gets what to do
// instead, the presenter the reason, the fix and, when refused, a field for the token.
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import PollOffline from '../../components/PollOffline.vue'
import { fakePollConnection } from './support/fakePollConnection'

function render(controls: boolean, status: 'refused' | 'open' = 'refused') {
  const fake = fakePollConnection(status)
  fake.connection.problem.value = 'The poll server refused the presenter token.'
  const useToken = vi.spyOn(fake.connection, 'useToken')
  const wrapper = mount(PollOffline, { props: { connection: fake.connection, pollId: 'roadmap-question', title: 'Live voting is off', fallback: 'Raise your hand.', controls, revealed: false } })
  return { wrapper, useToken }
}

describe('a live poll without its poll server', () => {
  it('gives the presenter the reason and a token field that connects with what was typed', async () => {
    const { wrapper, useToken } = render(true)
    expect(wrapper.text()).toContain('Live voting is off')
    expect(wrapper.text()).toContain('The poll server refused the presenter token.')
    await wrapper.find('input').setValue('  secret-token  ')
    await wrapper.find('form').trigger('submit')
    expect(useToken).toHaveBeenCalledWith('  secret-token  ')
    expect((wrapper.find('input').element as HTMLInputElement).value).toBe('')
    // An empty field connects with nothing.
    await wrapper.find('form').trigger('submit')
    expect(useToken).toHaveBeenCalledTimes(1)
  })

  it('tells the presenter to restart a server that has no such poll', () => {
    const { wrapper } = render(true, 'open')
    expect(wrapper.text()).toContain('The poll server has no poll "roadmap-question". Restart it')
    expect(wrapper.find('form').exists()).toBe(false)
  })

  it('shows the room only what to do instead: no reason, no token field', () => {
    const { wrapper } = render(false)
    expect(wrapper.text()).toContain('Raise your hand.')
    expect(wrapper.text()).not.toContain('refused')
    expect(wrapper.find('form').exists()).toBe(false)
  })
})
