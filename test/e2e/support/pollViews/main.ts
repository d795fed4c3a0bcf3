// A poll view on a 980×552 slide scaled to the 1920×1080 window, as Slidev shows it on a projector.
import { createApp, h } from 'vue'
import ScaleHistogram from '../../../../components/ScaleHistogram.vue'
import WordCloud from '../../../../components/WordCloud.vue'
import { CLOUD_GROUPS, SCALE_ROUNDS } from './data'
import '../../../../style.css'
import './slide.css'

const view = new URLSearchParams(location.search).get('view')
const title = view === 'cloud' ? 'What does a product manager own?' : 'Where are you today?'
const body = view === 'cloud'
  ? h(WordCloud, { groups: CLOUD_GROUPS, width: 1700, height: 740, label: 'Answers: what does a product manager own?' })
  : h(ScaleHistogram, { labels: ['1', '2', '3', '4', '5', '6', '7'], low: 'visionary', high: 'executor', series: view === 'scale1' ? SCALE_ROUNDS.slice(0, 1) : SCALE_ROUNDS })

createApp({ render: () => h('div', { class: 'slide slidev-layout' }, [h('h1', title), h('div', { class: 'poll-area' }, [body])]) }).mount('#app')
