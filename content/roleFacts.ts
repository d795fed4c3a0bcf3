// The facts the workshop teaches about the two roles, in one place: the handouts'
// cheat sheet renders from this module, and the deck can import it where that fits.

export type RoleId = 'product' | 'project'

/** A named item with one sentence that explains it (a skill, a habit, a friction source). */
export interface NamedFact {
  name: string
  detail: string
}

/** A core responsibility and the question the role keeps asking because of it. */
export interface Responsibility {
  name: string
  question: string
}

/** Typical job titles on the way up, and where people move sideways. */
export interface CareerLadder {
  entry: string[]
  mid: string[]
  senior: string[]
  pivots: string[]
}

/** Everything a participant should be able to say about one role. */
export interface RoleFacts {
  id: RoleId
  title: string
  /** The questions the role owns, e.g. "The what and the why". */
  focus: string
  /** What that focus covers, in a few words. */
  focusAreas: string
  /** The image the deck uses for the role. */
  nickname: string
  goal: string
  typicalAct: string
  responsibilities: Responsibility[]
  /** What the role keeps in balance while doing its job. */
  balances: string
  skills: NamedFact[]
  /** One line on what the skills add up to. */
  skillsSummary: string
  collaboration: NamedFact[]
  /** The role's place in the team, in a few words. */
  teamRole: string
  career: CareerLadder
}

/** The product manager: the what and the why. */
export const productManager: RoleFacts = {
  id: 'product',
  title: 'Product manager',
  focus: 'The what and the why',
  focusAreas: 'Strategy, vision and what customers need',
  nickname: 'The CEO of the product',
  goal: 'A product that users care about and that serves the goals of the business.',
  typicalAct: 'Decides which features come first, guided by what users say and do.',
  responsibilities: [
    { name: 'Set the vision', question: 'What is this product for, and who is it for?' },
    { name: 'Prioritise features', question: 'Which features matter most to the people using it?' },
    { name: 'Work across functions', question: 'Are design, engineering and marketing heading the same way?' },
    { name: 'Learn from the numbers', question: 'What do the data and metrics say we should improve next?' },
  ],
  balances: 'Weighs user needs, business goals and what the technology can do, and hears users describe their pain points first-hand.',
  skills: [
    { name: 'Strategic thinking', detail: 'Sees where the product should go, and why that direction beats the others.' },
    { name: 'Customer empathy', detail: 'Understands a problem the way the user experiences it.' },
    { name: 'Data analysis', detail: 'Turns feedback and usage figures into a ranked list of what to do.' },
    { name: 'Communicating the vision', detail: 'Explains the why so that stakeholders back the plan.' },
  ],
  skillsSummary: 'A bridge between the business, the technology and the customer.',
  collaboration: [
    { name: 'Vision alignment', detail: 'Makes sure every team knows why the work matters.' },
    { name: 'Feedback loops', detail: 'Collects input from the teams and uses it to refine the product.' },
    { name: 'User focus', detail: 'Brings every discussion back to the people the product serves.' },
  ],
  teamRole: 'The connector across functions',
  career: {
    entry: ['Associate product manager', 'Product owner'],
    mid: ['Senior product manager', 'Product lead'],
    senior: ['Director of product', 'VP of product'],
    pivots: ['Product strategy', 'Entrepreneurship'],
  },
}

/** The project manager: the how and the when. */
export const projectManager: RoleFacts = {
  id: 'project',
  title: 'Project manager',
  focus: 'The how and the when',
  focusAreas: 'Execution, timelines and resources',
  nickname: 'The conductor',
  goal: 'Delivery on time, within budget and scope, at the quality that was agreed.',
  typicalAct: 'Builds the timeline that carries the team to its deadlines.',
  responsibilities: [
    { name: 'Plan the timeline', question: 'When will each task be finished?' },
    { name: 'Allocate resources', question: 'Who does what, and do they have what they need?' },
    { name: 'Manage risks', question: 'What could go wrong, and how do we head it off?' },
    { name: 'Track progress', question: 'Are we on schedule, and if not, how do we catch up?' },
  ],
  balances: 'Keeps improving how the work flows and clears roadblocks out of the team\'s way.',
  skills: [
    { name: 'Time management', detail: 'Turns a deadline into a sequence of dates the team can meet.' },
    { name: 'Risk management', detail: 'Spots trouble early and has a plan ready before it lands.' },
    { name: 'Resource allocation', detail: 'Puts the right people and tools on the right work.' },
    { name: 'Problem-solving under pressure', detail: 'Stays calm and finds a way through when plans break.' },
  ],
  skillsSummary: 'The person who gets a complex plan over the finish line.',
  collaboration: [
    { name: 'Task delegation', detail: 'Gives every task a clear owner and every person a clear role.' },
    { name: 'Timeline management', detail: 'Sets milestones everyone can see and steers the team towards them.' },
    { name: 'Conflict resolution', detail: 'Settles disagreements before they stall the work.' },
  ],
  teamRole: 'The orchestrator who keeps the team calm and moving',
  career: {
    entry: ['Project coordinator', 'Assistant project manager'],
    mid: ['Senior project manager', 'Program manager'],
    senior: ['PMO director', 'Portfolio manager'],
    pivots: ['Operations management', 'Consulting'],
  },
}

/** Both roles, product first (the order every handout and slide uses). */
export const roles: readonly [RoleFacts, RoleFacts] = [productManager, projectManager]

/** What goes wrong when one role does the other's job. */
export const roleMixUps = {
  image: 'Two people grabbing one steering wheel',
  examples: [
    'A product manager who micromanages the schedule stops doing the strategy work nobody else can do.',
    'A project manager who makes strategy calls without knowing the users steers the product blind.',
  ],
  together: 'Each in their own lane and talking constantly, the two roles are stronger than either alone.',
} as const

/** The analogy the skills section uses. */
export const roadTripAnalogy = {
  product: 'Plans the road trip: where to go, why, and which stops matter.',
  project: 'Drives the car: timing, fuel and drivers, traffic and breakdowns.',
} as const

/** Why the two roles fall out of step. */
export const frictionSources: readonly NamedFact[] = [
  { name: 'Miscommunication', detail: 'A message is lost, or each side reads it differently.' },
  { name: 'Conflicting priorities', detail: 'The vision pulls one way and the schedule another.' },
  { name: 'Surprise roadblocks', detail: 'A problem nobody saw coming knocks the plan over.' },
]

/** The habits that keep them in step: regular alignment rather than heroics. */
export const frictionRemedies: readonly NamedFact[] = [
  { name: 'Stand-ups', detail: 'A few minutes each day to surface blockers while they are small.' },
  { name: 'Check-ins', detail: 'Regular one-to-ones between the two roles to line up what and when.' },
  { name: 'Retrospectives', detail: 'A look back after each stretch of work to fix how the team works.' },
]

/** Industries where project management skills carry over (the list is not exhaustive). */
export const projectIndustries: readonly string[] = ['IT', 'Construction', 'Healthcare']
