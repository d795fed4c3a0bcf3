// @vitest-environment happy-dom
// The scale histogram as rendered: one bar per point and round, figures, the ends, and the median.
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import ScaleHistogram from '../../components/ScaleHistogram.vue'

const LABELS = ['1', '2', '3', '4', '5', '6', '7']
const ROUND_1 = { label: 'Round 1', counts: [3, 8, 9, 6, 5, 3, 1] }
const ROUND_2 = { label: 'Round 2', counts: [1, 4, 7, 11, 8, 3, 1] }

function render(series = [ROUND_1]) {
  return mount(ScaleHistogram, { props: { labels: LABELS, low: 'visionary', high: 'executor', series } })
}

describe('scaleHistogram', () => {
  it('labels every point with its value and the ends with their meaning', () => {
    const wrapper = render()
    expect(wrapper.findAll('.scale-histogram__value').map(value => value.text())).toEqual(LABELS)
    expect(wrapper.findAll('.scale-histogram__end').map(end => end.text())).toEqual(['← visionary', 'executor →'])
  })

  it('shows the share and the count of each point, the tallest bar full height', () => {
    const wrapper = render()
    expect(wrapper.findAll('.scale-histogram__percent').map(percent => percent.text())).toEqual(['9%', '23%', '26%', '17%', '14%', '9%', '3%'])
    expect(wrapper.findAll('.scale-histogram__count').map(count => count.text())).toEqual(['3', '8', '9', '6', '5', '3', '1'])
    const shares = wrapper.findAll('.scale-histogram__fill').map(fill => Number(fill.attributes('style')!.match(/--share: ([\d.]+)/)![1]))
    expect(shares[2]).toBe(1)
    expect(shares[6]).toBeCloseTo(3 / 26)
  })

  it('marks the median under its point and names it', () => {
    const wrapper = render()
    const marker = wrapper.find('.scale-histogram__median')
    expect(marker.text()).toBe('Median')
    // Point 3 of 7: the middle of the third column.
    expect(marker.attributes('style')).toContain(`left: ${(2.5 / 7) * 100}%`)
    expect(wrapper.find('.scale-histogram__summary').text()).toBe('35 answers · median 3')
  })

  it('puts round 2 beside round 1 and says how far the median moved', () => {
    const wrapper = render([ROUND_1, ROUND_2])
    expect(wrapper.classes()).toContain('scale-histogram--compare')
    expect(wrapper.findAll('.scale-histogram__point')[3]!.findAll('.scale-histogram__bar').map(bar => bar.attributes('data-round'))).toEqual(['1', '2'])
    expect(wrapper.findAll('.scale-histogram__key').map(key => key.text())).toEqual(['Round 1', 'Round 2'])
    expect(wrapper.findAll('.scale-histogram__median').map(marker => [marker.text(), marker.attributes('data-side')])).toEqual([['Round 1 median', 'left'], ['Round 2 median', 'right']])
    expect(wrapper.find('.scale-histogram__summary').text()).toBe('Median 3 → 4 (1 point towards executor)')
    expect(wrapper.findAll('.scale-histogram__point')[3]!.attributes('aria-label')).toBe('4: Round 1: 6 (17%), Round 2: 11 (31%)')
  })

  it('shows a median half-way between two points for an even split', () => {
    const wrapper = mount(ScaleHistogram, { props: { labels: LABELS, series: [{ label: 'Round 1', counts: [0, 2, 2, 0, 0, 0, 0] }] } })
    expect(wrapper.find('.scale-histogram__summary').text()).toBe('4 answers · median 2–3')
    expect(wrapper.find('.scale-histogram__median').attributes('style')).toContain(`left: ${(2 / 7) * 100}%`)
    // No ends given: the footer keeps its places but says nothing there.
    expect(wrapper.findAll('.scale-histogram__end').map(end => end.text())).toEqual(['', ''])
  })

  it('has bars of zero, no median and no summary before anyone answers', () => {
    const wrapper = render([{ label: 'Round 1', counts: [0, 0, 0, 0, 0, 0, 0] }])
    expect(wrapper.findAll('.scale-histogram__percent').map(percent => percent.text())).toEqual(Array.from({ length: 7 }).fill('0%'))
    expect(wrapper.find('.scale-histogram__median').exists()).toBe(false)
    expect(wrapper.find('.scale-histogram__summary').text()).toBe('')
  })
})
