// @vitest-environment happy-dom
// The word cloud as rendered: text only, sized and placed by the layout, words kept in
// place as answers arrive, and the answers listed for a screen reader.
import type { WordGroup } from '../../poll/wordCloudLayout'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import WordCloud from '../../components/WordCloud.vue'
import { MAX_WORDS, MIN_FONT_SIZE } from '../../poll/wordCloudLayout'

const GROUPS: WordGroup[] = [
  { key: 'a', text: 'the why', count: 6 },
  { key: 'b', text: 'roadmap', count: 3 },
  { key: 'c', text: 'scope', count: 1 },
]

function positions(wrapper: ReturnType<typeof mount>): Record<string, [string | undefined, string | undefined]> {
  return Object.fromEntries(wrapper.findAll('.word-cloud__word').map(word => [word.text(), [word.attributes('x'), word.attributes('y')]]))
}

describe('wordCloud', () => {
  it('draws each answer as text, most votes first and largest', () => {
    const wrapper = mount(WordCloud, { props: { groups: GROUPS } })
    const words = wrapper.findAll('.word-cloud__word')
    expect(words.map(word => word.text())).toEqual(['the why', 'roadmap', 'scope'])
    const sizes = words.map(word => Number.parseFloat(word.attributes('style')!.match(/font-size: ([\d.]+)px/)![1]!))
    expect(sizes[0]).toBeGreaterThan(sizes[1]!)
    expect(sizes[1]).toBeGreaterThan(sizes[2]!)
    expect(sizes[2]).toBe(MIN_FONT_SIZE)
    // The picture scales: a viewBox with room for "+ N more" under the words.
    expect(wrapper.find('svg').attributes('viewBox')).toBe('0 0 1600 611')
  })

  it('never renders an answer as markup', () => {
    const wrapper = mount(WordCloud, { props: { groups: [{ key: 'x', text: '<b onmouseover="alert(1)">hi</b>', count: 2 }] } })
    expect(wrapper.find('b').exists()).toBe(false)
    expect(wrapper.find('.word-cloud__word').text()).toBe('<b onmouseover="alert(1)">hi</b>')
  })

  it('keeps the words already shown in place when answers arrive and votes grow', async () => {
    const wrapper = mount(WordCloud, { props: { groups: GROUPS } })
    const before = positions(wrapper)
    await wrapper.setProps({ groups: [...GROUPS.map(group => ({ ...group, count: group.count + 2 })), { key: 'd', text: 'trade-offs', count: 9 }] })
    const after = positions(wrapper)
    expect(Object.keys(after)).toHaveLength(4)
    for (const text of Object.keys(before))
      expect(after[text]).toEqual(before[text])
  })

  it('shows "+ N more" for the answers beyond the cloud, and says so to a screen reader', () => {
    const groups = Array.from({ length: MAX_WORDS + 4 }, (_, index) => ({ key: `k${index}`, text: `answer ${index}`, count: 1 }))
    const wrapper = mount(WordCloud, { props: { groups, width: 1800, height: 900 } })
    const shown = wrapper.findAll('.word-cloud__word').length
    expect(shown).toBeLessThanOrEqual(MAX_WORDS)
    expect(wrapper.find('.word-cloud__more').text()).toBe(`+ ${groups.length - shown} more`)
    expect(wrapper.findAll('.word-cloud__list li').at(-1)!.text()).toBe(`and ${groups.length - shown} more`)
  })

  it('lists the answers with their votes for a screen reader and hides the picture from it', () => {
    const wrapper = mount(WordCloud, { props: { groups: GROUPS, label: 'What does a product manager own?' } })
    expect(wrapper.find('svg').attributes('aria-hidden')).toBe('true')
    expect(wrapper.find('.word-cloud__list').text()).toContain('What does a product manager own?')
    expect(wrapper.findAll('.word-cloud__list li').map(item => item.text())).toEqual(['the why: 6', 'roadmap: 3', 'scope: 1'])
    expect(wrapper.find('.word-cloud__more').exists()).toBe(false)
  })

  it('shows nothing but an empty picture before any answer is approved', () => {
    const wrapper = mount(WordCloud, { props: { groups: [] } })
    expect(wrapper.findAll('.word-cloud__word')).toHaveLength(0)
    expect(wrapper.findAll('.word-cloud__list li')).toHaveLength(0)
  })
})
