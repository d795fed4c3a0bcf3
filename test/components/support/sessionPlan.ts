// Stands in for virtual:session-plan: the plan shows "dark-mode" as poll 3.
export default { name: '90', title: 'Test plan', minutes: 90, agenda: [], polls: [{ number: 3, scenarioId: 'dark-mode', section: 'defining-roles', title: 'Is dark mode coming, and when?' }] }
