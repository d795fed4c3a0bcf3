import type { DeckPlan } from '../../content/deckPlan'
import type { ScenarioLibrary } from '../../content/loadScenarios'
import type { OpenPrompt, Prompt, ScalePrompt } from '../../content/promptSchema'
import { describe, expect, it } from 'vitest'
import { sections } from '../../content/sections'
import { facilitatorGuide } from '../../print/documents/facilitatorGuide'

const scale: ScalePrompt = { kind: 'scale', id: 'where-are-you-today', section: 'skills', title: 'Where are you today?', question: 'Where do you stand <today>?', min: 1, max: 7, minLabel: 'Visionary', maxLabel: 'Executor', debrief: ['Which end does your team need?'], minutes: 4 }
const closing: OpenPrompt = { kind: 'open', id: 'monday-differently', section: 'careers', title: 'Next Monday', question: 'One thing you will do differently on Monday.', maxAnswers: 2, debrief: ['Who do you talk to first?'], minutes: 4 }
const library: ScenarioLibrary = {
  sections: sections.map(section => ({ ...section, scenarioIds: [], pollIds: [scale, closing].filter(prompt => prompt.section === section.id).map(prompt => prompt.id) })),
  scenarios: [],
  byId: new Map(),
  prompts: [scale, closing],
  promptsById: new Map<string, Prompt>([[scale.id, scale], [closing.id, closing]]),
}
const slide = { number: 4, title: 'Where are you', minutes: 4, notes: '[4 min] Run it.', content: `<ScenarioPoll id="${scale.id}" />`, polls: [scale.id], source: { file: 'slides.md', line: 1 } }
const deck: DeckPlan = { title: 'Kit', parts: [{ file: 'slides.md', title: 'Skills', minutes: 4, slides: [slide] }], totalMinutes: 4, problems: [], polls: [], planIssues: [] }
const text = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')

describe('polls without a right answer in the facilitator guide', () => {
  const guide = text(facilitatorGuide({ library, plan: deck, paper: 'a4' }))

  it('lists each scale and open poll with its question, kind, minutes and debrief', () => {
    expect(guide).toContain('Polls without a right answer')
    expect(guide).toContain('Where are you today? · scale 1–7, Visionary to Executor · 4 min · part 3')
    expect(guide).toContain('Where do you stand &lt;today&gt;?')
    expect(guide).toContain('Next Monday · open, up to 2 answers each · 4 min · part 5')
    expect(guide).toContain('Debrief: Who do you talk to first?')
  })

  it('says where the plan runs each one: its slide, or no slide yet', () => {
    expect(guide).toContain('Skills and competencies, slide 4')
    expect(guide).toMatch(/Career paths and growth, on no slide of this plan yet/)
  })

  it('tells when to run the scale\'s second round, how to moderate (once), and that next Monday closes the report', () => {
    expect(guide).toContain('Two rounds: Open round 1 when it comes up. Open round 2 at the end of the session')
    expect(guide.match(/Moderating open answers\./g)).toHaveLength(1)
    expect(guide).toContain('Only approved answers reach the projector')
    expect(guide).toContain('Closing: It closes the report as &quot;what the room will do differently&quot;')
  })
})
