// A poll view on a 980×552 slide scaled to the 1920×1080 window, as Slidev shows it on a projector.
import { createApp, h, shallowRef } from 'vue'
import ScaleHistogram from '../../../../components/ScaleHistogram.vue'
import WordCloud from '../../../../components/WordCloud.vue'
import { CLOUD_GROUPS, SCALE_ROUNDS } from './data'
import '../../../../style.css'
import './slide.css'

const view = new URLSearchParams(location.search).get('view') ?? 'cloud'
const title = view.startsWith('cloud') ? 'What does a product manager own?' : 'Where are you today?'
// 'cloud-early': the first 24 answers with fewer votes, until the page calls window.growCloud().
const groups = shallowRef(view === 'cloud-early' ? CLOUD_GROUPS.slice(0, 24).map(group => ({ ...group, count: Math.ceil(group.count / 2) })) : CLOUD_GROUPS)
Object.assign(window, {
  growCloud: () => {
    groups.value = CLOUD_GROUPS
  },
})

function body() {
  if (view.startsWith('cloud'))
    return h(WordCloud, { groups: groups.value, width: 1700, height: 740, label: 'Answers: what does a product manager own?' })
  return h(ScaleHistogram, { labels: ['1', '2', '3', '4', '5', '6', '7'], low: 'visionary', high: 'executor', series: view === 'scale1' ? SCALE_ROUNDS.slice(0, 1) : SCALE_ROUNDS })
}

createApp({ render: () => h('div', { class: 'slide slidev-layout' }, [h('h1', title), h('div', { class: 'poll-area' }, [body()])]) }).mount('#app')
