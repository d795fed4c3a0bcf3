// Stands in for virtual:scenario-library: one scenario, "dark-mode", whose answer is C.
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
}
