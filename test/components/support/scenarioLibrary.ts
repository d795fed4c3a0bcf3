// Stands in for virtual:scenario-library: one scenario, "dark-mode", whose answer is C,
// a 1–7 scale "where-now" and an open poll "one-word".
export default {
  sections: [{ id: 'defining-roles', number: 1, title: 'Defining the roles', scenarioIds: ['dark-mode'] }],
  scenarios: [{
    id: 'dark-mode',
    section: 'defining-roles',
    title: 'Is dark mode coming, and when?',
    situation: 'A sales rep asks whether dark mode is on the roadmap and when it ships.',
    question: 'Who should handle this?',
    choices: ['Product manager', 'Project manager', 'Both, together'],
    answer: 'Both, together',
    rationale: 'Whether it is on the roadmap is a product call; when is a project call.',
    debrief: ['Which half did you want to answer first?'],
    minutes: 4,
    difficulty: 'contested',
    tags: [],
  }],
  prompts: [
    { kind: 'scale', id: 'where-now', section: 'skills', title: 'Where are you today?', question: 'Where do you stand?', min: 1, max: 7, minLabel: 'Visionary', maxLabel: 'Executor', debrief: ['What pulls you there?'], minutes: 4 },
    { kind: 'open', id: 'one-word', section: 'defining-roles', title: 'One word', question: 'One word for what a project manager does.', maxAnswers: 1, debrief: ['Which words surprise you?'], minutes: 3 },
  ],
}
