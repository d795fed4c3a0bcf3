// What a participant can do after the session, and what each part should leave behind.
// The deck, the guide and the handout all print from here. An objective names the
// sections whose polls check it; the polls themselves come from the deck, so
// re-picking a poll never leaves an objective pointing at a scenario that is gone.
import type { SectionId } from './sections.ts'

export interface LearningObjective {
  /** Observable: a verb the room can be seen doing in a poll. */
  text: string
  /** The polls of these sections check it. */
  checkedIn: readonly SectionId[]
}

export const learningObjectives: readonly LearningObjective[] = [
  { text: 'Route a request to the role that owns it: product manager, project manager, both together, or someone else.', checkedIn: ['defining-roles', 'responsibilities'] },
  { text: 'Split a request that crosses both roles into its what/why part and its how/when part, and say who settles the trade-off.', checkedIn: ['collaboration'] },
  { text: 'Match a skill to the role that depends on it, and place yourself on the visionary–executor scale.', checkedIn: ['skills'] },
  { text: 'Name the next rung on each career ladder for someone in either role.', checkedIn: ['careers'] },
]

/** Two or three points per part, shown on the part's last slide and collected in the handout. */
export const keyPoints: Readonly<Record<SectionId, readonly string[]>> = {
  'defining-roles': [
    'The product manager owns what gets built and why; the project manager owns how it gets delivered and when.',
    'They are judged differently: one on whether users value the product, the other on on-time, on-budget, in-scope delivery.',
    'When one grabs the other\'s steering wheel the team swerves; separate lanes and frequent talk keep it straight.',
  ],
  'responsibilities': [
    'Product: set the vision, rank the features, bring design, engineering and marketing along, learn from the data.',
    'Project: build the timeline, put people on the work, manage the risks, track progress and recover from slips.',
    'Listen to the question: purpose and users point to product; dates, people and risks point to project.',
  ],
  'skills': [
    'Product managers lean on strategy, customer empathy, data analysis and a clearly told vision.',
    'Project managers lean on time, risk and resource management, and on calm problem-solving under pressure.',
    'One plans the trip, the other drives the car: a team needs both, and most people lean one way.',
  ],
  'collaboration': [
    'The product manager connects functions around the why; the project manager orchestrates who does what by when.',
    'Friction comes from lost messages, clashing priorities and roadblocks nobody saw coming.',
    'Short, regular rituals (stand-ups, check-ins, retrospectives) keep the two roles in step.',
  ],
  'careers': [
    'Product ladder: associate product manager or product owner, then senior product manager or product lead, then director or VP of product.',
    'Project ladder: project coordinator, then senior project manager or program manager, then PMO director or portfolio manager.',
    'Project skills travel across industries; product skills open doors to strategy and to founding a company.',
  ],
}

/** "poll 4", "polls 1, 2 and 3": the polls that check an objective, as a slide or a handout says it. */
export function pollList(numbers: readonly number[]): string {
  if (numbers.length <= 1)
    return numbers.length === 0 ? '' : `poll ${numbers[0]}`
  return `polls ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`
}

/** The article the deck's facts and metaphors come from (CEO of the product, conductor, road trip). */
export const sourceArticle = {
  title: 'Product manager vs project manager: how do they differ',
  note: 'The comparison of the two roles, the road-trip picture and the career ladders come from this article; the scenarios and the wording are the kit\'s own.',
} as const
