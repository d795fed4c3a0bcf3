import type { ChoicePollDefinition } from '../../../poll/pollDefinition'

/** Three small polls, as the scenario library would offer them. */
export const definitions: ChoicePollDefinition[] = [
  {
    kind: 'choice',
    id: 'roadmap-question',
    title: 'Is it on the roadmap?',
    situation: 'Sales asks whether a feature is coming.',
    question: 'Who should handle this?',
    choices: ['Product manager', 'Project manager', 'Both, together'],
    answer: 0,
    rationale: 'Roadmap calls are the product manager\'s.',
    debrief: ['What would you answer?'],
  },
  {
    kind: 'choice',
    id: 'slipping-date',
    title: 'The date slips',
    situation: 'A key engineer is out for three weeks.',
    question: 'Who should handle this?',
    choices: ['Product manager', 'Project manager'],
    answer: 1,
    rationale: 'Re-planning is the project manager\'s.',
    debrief: ['Who tells the sponsor?'],
  },
  {
    kind: 'choice',
    id: 'formula-title',
    title: '=HYPERLINK("http://evil.example","click")',
    situation: 'A title a spreadsheet would run as a formula.',
    question: '+Who?',
    choices: ['-one', '@two', 'three, with "quotes"'],
    answer: 2,
    rationale: 'CSV cells must be escaped.',
    debrief: ['Did the export escape it?'],
  },
]
