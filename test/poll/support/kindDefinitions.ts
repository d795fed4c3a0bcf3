import type { OpenPollDefinition, ScalePollDefinition } from '../../../poll/pollDefinition'

/** A 1..7 self-placement scale, as the library would offer it. */
export const scalePoll: ScalePollDefinition = {
  kind: 'scale',
  id: 'where-are-you',
  title: 'Where are you today?',
  situation: '',
  question: 'Where are you today?',
  min: 1,
  max: 7,
  minLabel: 'Visionary',
  maxLabel: 'Executor',
  debrief: ['Did the room move?'],
}

/** An open poll taking two answers per device. */
export const openPoll: OpenPollDefinition = {
  kind: 'open',
  id: 'one-word',
  title: 'One word',
  situation: '',
  question: 'One word for what a project manager does',
  maxAnswers: 2,
  debrief: ['Which words surprise you?'],
}
