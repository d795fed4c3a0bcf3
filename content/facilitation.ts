// What a trainer who has never seen the kit needs besides the slides: who the session
// is for, how to prepare, what goes wrong per part, and how to run it remotely.
// Printed by the facilitator guide; written for this kit.
import type { SectionId } from './sections.ts'
import { MOVE_ON_ABOVE_PERCENT, TEACH_BELOW_PERCENT } from '../poll/peerInstruction.ts'

export const audience = 'Teams where product and project work meet: engineers, designers, analysts, team leads, and anyone new to either role. 8–40 people; no preparation needed from participants, only a phone.'

export interface ChecklistGroup {
  when: string
  items: readonly string[]
}

export const preparationChecklist: readonly ChecklistGroup[] = [
  {
    when: 'A week before',
    items: [
      'Set up the laptop once: Node.js 20.12 or newer, a C++ toolchain (build-essential and python3 on Debian/Ubuntu) and Chromium or Chrome; then npm install in the kit folder.',
      'Pick the plan (60 or 90 minutes) and, if you want, swap a poll for a spare in plans/session-plans.yaml.',
      'Print one participant handout per person: npm run handouts -- --plan 60 (or 90). Keep answers.pdf back for the end.',
      'Ask the venue for a Wi-Fi network that lets phones reach your laptop (guest networks often isolate devices).',
    ],
  },
  {
    when: 'The day before',
    items: [
      'Run npm start -- --plan 60 (or 90) on the laptop you will present from, and click through every slide in the presenter view.',
      'Rehearse one poll end to end: open the join link on your own phone, vote, close, reveal, start round 2.',
      'Read the poll pages of this guide: the intended answer, the usual wrong answer and the peer-instruction step.',
    ],
  },
  {
    when: 'In the room, 20 minutes before',
    items: [
      'Join the venue Wi-Fi, run npm start, and do the join test: a second phone on the same Wi-Fi opens the join link and reaches the waiting screen.',
      'Projector check: the deck full screen (press f) on the projector, the presenter view on your own screen; the QR code readable from the back row.',
      'Lay out the handouts and pens; have the answer sheet ready to hand out or send at the end.',
    ],
  },
  {
    when: 'If the poll server is not reachable',
    items: [
      'The poll slide says "Live voting is off" and asks for a show of hands: read each choice out and count the hands.',
      'Type the counts into the presenter view and press R to reveal; the counts are saved as votes once the server is back.',
      `The peer-instruction flow still works: the presenter view reads the band from the hands you type in (${TEACH_BELOW_PERCENT}% and ${MOVE_ON_ABOVE_PERCENT}%).`,
    ],
  },
]

/** Peer instruction as the guide explains it next to each poll. */
export const peerInstructionSteps: readonly string[] = [
  'Read the situation aloud. Everyone votes alone, results hidden; about 30 seconds.',
  'Close voting. The presenter view shows the share on the intended answer and the next step.',
  `Under ${TEACH_BELOW_PERCENT}%: teach the idea behind the answer briefly, without giving it away, then run round 2.`,
  `${TEACH_BELOW_PERCENT}–${MOVE_ON_ABOVE_PERCENT}%: two minutes in pairs, "convince your neighbour"; round 2; then reveal and compare the rounds.`,
  `Over ${MOVE_ON_ABOVE_PERCENT}%: reveal and move on; a question almost everyone gets right teaches little.`,
]

/** The flow in one line, beside each poll in the guide. */
export const peerInstructionInBrief = `close round 1 and read the band in the presenter view. Under ${TEACH_BELOW_PERCENT}%: teach briefly, re-vote. ${TEACH_BELOW_PERCENT}–${MOVE_ON_ABOVE_PERCENT}%: pairs for two minutes, round 2, reveal, compare. Over ${MOVE_ON_ABOVE_PERCENT}%: reveal, move on.`

export const roomAdvice = {
  split: 'A room that splits evenly is the best case: it has something to argue about. Ask one voice from each camp for their reason before the pairs talk, then run round 2 and compare; say out loud who moved and why.',
  unanimous: 'A unanimous room learns nothing from the reveal. Ask who would have voted differently a year ago, or change one detail of the situation ("and the release is tomorrow") and ask again by show of hands.',
} as const

export interface PartNotes {
  misconceptions: readonly string[]
  difficultMoments: readonly string[]
}

/** Per part: what participants often believe, and what tends to go wrong in the room. */
export const partNotes: Readonly<Record<SectionId, PartNotes>> = {
  'defining-roles': {
    misconceptions: [
      '"Project manager is the junior title." Neither is junior: they answer different questions.',
      '"Our team has no project manager, so this does not apply." The how and the when still exist; someone carries them (engineering manager, Scrum Master, tech lead). Name that person.',
    ],
    difficultMoments: [
      'Someone holds both titles at once. Agree that one person can wear both hats, and ask which hat each decision needs.',
    ],
  },
  'responsibilities': {
    misconceptions: [
      '"The product manager owns the deadline." They care about it; the timeline and its recovery are the project manager\'s job.',
      '"A project ends, so the product does too." A project ends at delivery; the product lives on and keeps its manager.',
    ],
    difficultMoments: [
      'A participant describes a task nobody owns in their team. Do not solve it in the room; note it for the worksheet in the handout.',
    ],
  },
  'skills': {
    misconceptions: [
      '"Good managers are strong at everything on both lists." Most people lean one way; the scale is about fit, not worth.',
    ],
    difficultMoments: [
      'People hesitate to place themselves in front of their manager. Let them place themselves silently on the handout scale instead.',
    ],
  },
  'collaboration': {
    misconceptions: [
      '"In Scrum the Scrum Master is the project manager." The Scrum Master coaches the process; scope belongs to the product owner, dates are shared.',
      '"More meetings fix friction." Short, regular ones do; long status meetings rarely do.',
    ],
    difficultMoments: [
      'The discussion turns into complaints about a named colleague. Bring it back to the situation on the slide and to what either role could do.',
    ],
  },
  'careers': {
    misconceptions: [
      '"Product owner is just an entry-level product manager." In Scrum it is an accountability with real authority over the backlog.',
      '"Program manager is a senior project manager." A program manager coordinates several projects towards one goal; it is a different job, usually one step up.',
    ],
    difficultMoments: [
      'Someone asks for personal career advice. Offer a conversation after the session; keep the room on the two ladders.',
    ],
  },
}

export const remoteDelivery = {
  intro: 'The kit works online too: phones (or a second browser tab) still vote through the poll server, provided participants can reach it.',
  steps: [
    'Reachability: participants are not on your Wi-Fi. Run the poll server on a machine they can reach (npm run poll-server -- --public-url https://…) or fall back to the video tool\'s own poll and type the counts into the presenter view.',
    'Share the projector window (the deck, not the presenter view) in the video call; keep the presenter view on your own screen.',
    'Paste the join link and code into the chat as well as showing the QR code; a QR code on a shared screen is hard to scan.',
    'Pairs become breakout rooms of two or three for the two-minute "convince your neighbour" step; give them the timer in the chat.',
    'Ask-the-room prompts become chat prompts: ask everyone to type first and post together, so the first answer does not steer the rest.',
    'Send the handout as a PDF before the session and the answer sheet after it.',
  ],
  hybrid: 'Hybrid rooms: put one facilitator in charge of the remote people, read the chat aloud before each reveal, and pair remote participants with each other, not with the room.',
} as const

/** Scale and open polls: no intended answer, so the guide says how to run them instead. */
export const promptAdvice = {
  intro: 'These polls have no right answer: nobody is marked wrong, and the session report shows them in their own section.',
  scale: 'Open round 1 when it comes up. Open round 2 at the end of the session, before the closing poll: the report shows both histograms and how far the room\'s median moved. Ask who moved, not who is right.',
  open: 'Answers wait on the presenter screen that joined as moderator: approve or hide each group, or approve every pending one at once. Answers matching the built-in word list arrive hidden; you may still approve them. Only approved answers reach the projector, the phones after the reveal, the results export and the report, which gives the rest as a count.',
  closing: 'It closes the report as "what the room will do differently": approve generously, hide only what names a person or is not meant for the room.',
} as const
