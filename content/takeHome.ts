// What participants take home beyond the scenarios: the routing guide, the glossary,
// the self-placement scale and the team worksheet. Printed by the handout; written
// for this kit (facts from the source article and from practice, wording our own).

export type Owner = 'product' | 'project' | 'both' | 'other'

export interface RoutingRow {
  /** The question as it reaches someone's desk. */
  question: string
  owner: Owner
  /** Who exactly, and why, in a few words. */
  why: string
}

/** "Who makes which call?": everyday questions and the role that owns the answer. */
export const routingGuide: readonly RoutingRow[] = [
  { question: 'Which problem do we solve next, and for whom?', owner: 'product', why: 'Vision and target users are the product manager\'s to set.' },
  { question: 'Which feature comes first?', owner: 'product', why: 'Ranking features against user value and business goals is prioritisation.' },
  { question: 'Should we build what one big customer asks for?', owner: 'product', why: 'A yes or no shapes the product for everyone, not just one account.' },
  { question: 'What do the numbers say we should fix?', owner: 'product', why: 'Reading usage data and feedback to steer the product.' },
  { question: 'When will this be done?', owner: 'project', why: 'The timeline and its milestones belong to the project manager.' },
  { question: 'Who works on what, and do they have what they need?', owner: 'project', why: 'Allocating people and resources.' },
  { question: 'Someone is out for weeks: what happens to the date?', owner: 'project', why: 'A delivery risk to manage and recover from.' },
  { question: 'We are behind: how do we catch up?', owner: 'project', why: 'Tracking progress and planning the recovery.' },
  { question: 'Can we ship earlier and add more?', owner: 'both', why: 'Scope is a product call, feasibility a project call: decide together.' },
  { question: 'Something cannot ship on time: cut scope or move the date?', owner: 'both', why: 'A trade-off between value and delivery; neither settles it alone.' },
  { question: 'Production is down right now: who runs the response?', owner: 'other', why: 'An incident lead (often from engineering or operations) runs it; both managers support.' },
  { question: 'How do we run our sprints and retrospectives?', owner: 'other', why: 'In Scrum teams the Scrum Master coaches the process; in others, often the project manager.' },
]

export const ownerLabels: Readonly<Record<Owner, string>> = {
  product: 'Product manager',
  project: 'Project manager',
  both: 'Both, together',
  other: 'Someone else',
}

export interface GlossaryTerm {
  term: string
  meaning: string
}

/** Words a room of practitioners uses and the article does not explain. */
export const glossary: readonly GlossaryTerm[] = [
  { term: 'Product owner', meaning: 'In Scrum, the one person accountable for the product backlog and its order. Often a product manager\'s role inside a Scrum team, sometimes an entry-level product title.' },
  { term: 'Scrum Master', meaning: 'In Scrum, the person who helps the team use the framework well and removes obstacles. Not a project manager: no say over scope or dates.' },
  { term: 'Engineering manager', meaning: 'Leads the engineers as people: hiring, growth, staffing. In teams without a project manager, often carries much of the how and the when.' },
  { term: 'Program manager', meaning: 'Coordinates several related projects towards one shared goal; usually above senior project managers.' },
  { term: 'Portfolio manager', meaning: 'Chooses and balances all the programs and projects an organisation invests in, against its strategy and budget.' },
  { term: 'PMO', meaning: 'Project management office: the group that sets project standards, tools and reporting across an organisation.' },
  { term: 'Sprint', meaning: 'A fixed time box, often two weeks, in which a team delivers a planned slice of work.' },
  { term: 'Retrospective (retro)', meaning: 'A regular meeting where the team looks back on how it worked and agrees what to change.' },
  { term: 'Stand-up', meaning: 'A short daily check-in: what moved, what is next, what is blocked.' },
  { term: 'Roadmap', meaning: 'The product manager\'s view of what comes next and why; not a delivery schedule.' },
  { term: 'Milestone', meaning: 'A point on the project timeline that marks a deliverable or a decision.' },
  { term: 'Incident lead', meaning: 'The person who runs the response to a live outage until service is back.' },
]

/** The visionary–executor scale: one line per end, plus the question to ask yourself. */
export const selfPlacement = {
  left: { label: 'Visionary', text: 'Energised by choosing where to go and why: users, strategy, the shape of the product.' },
  right: { label: 'Executor', text: 'Energised by getting everyone there: plans, people, risks, dates.' },
  prompts: [
    'Where do you sit today? Circle a number.',
    'Where would your manager put you? Mark it with a cross.',
    'Which role, or which step on which ladder, fits that number?',
  ],
} as const

/** Rows of the "who owns what in my team" worksheet: decisions every team makes. */
export const worksheetRows: readonly string[] = [
  'Which problem we solve next',
  'The order of the backlog',
  'Saying no to a customer request',
  'The delivery date we commit to',
  'Who works on what',
  'Spotting and handling risks',
  'Cutting scope when we run late',
  'Running stand-ups and retrospectives',
  'Leading the response to an outage',
  'Reporting progress to stakeholders',
]
