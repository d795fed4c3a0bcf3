// Realistic room data for the poll views' screenshots: a 40-answer word cloud after a
// "what does a product manager own?" question, and a 7-point scale over two rounds.
import type { WordGroup } from '../../../../poll/wordCloudLayout'

const ANSWERS: [string, number][] = [
  ['the why', 14],
  ['roadmap', 11],
  ['outcomes', 9],
  ['priorities', 8],
  ['customer problems', 7],
  ['vision', 7],
  ['discovery', 6],
  ['trade-offs', 5],
  ['backlog', 5],
  ['user research', 4],
  ['metrics', 4],
  ['stakeholders', 4],
  ['saying no', 3],
  ['product strategy', 3],
  ['OKRs', 3],
  ['market fit', 3],
  ['pricing', 2],
  ['the what', 2],
  ['experiments', 2],
  ['value', 2],
  ['feature requests', 2],
  ['competitors', 2],
  ['positioning', 2],
  ['release scope', 1],
  ['user stories', 1],
  ['personas', 1],
  ['analytics', 1],
  ['the customer', 1],
  ['business case', 1],
  ['go-to-market', 1],
  ['acceptance criteria', 1],
  ['product goals', 1],
  ['UX', 1],
  ['retention', 1],
  ['problem framing', 1],
  ['hypotheses', 1],
  ['success criteria', 1],
  ['North Star metric', 1],
  ['the team\'s focus', 1],
  ['everything??', 1],
]

export const CLOUD_GROUPS: WordGroup[] = ANSWERS.map(([text, count], index) => ({ key: `g${index}`, text, count }))

/** Round 1 leans visionary, round 2 (after the discussion) drifts to the middle. */
export const SCALE_ROUNDS = [
  { label: 'Round 1', counts: [3, 8, 9, 6, 5, 3, 1] },
  { label: 'Round 2', counts: [1, 4, 7, 11, 8, 3, 1] },
]
