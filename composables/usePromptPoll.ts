import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import type { Prompt } from '../content/promptSchema'
import type { WordGroup } from '../poll/wordCloudLayout'
import type { ModerationQueue } from './openAnswerViews'
import type { BarSeries } from './pollResults'
import type { UseLivePollReturn } from './useLivePoll'
import type { UseModerationReturn } from './useModeration'
import { computed, toValue } from 'vue'
import { moderationQueue, roomAnswerCount, roomGroups } from './openAnswerViews'
import { PROMPT_STATUS_LABELS, roomSees } from './pollResults'
import { useLivePoll } from './useLivePoll'
import { useModeration } from './useModeration'
import { scaleLabels } from './usePrompt'

export interface UsePromptPollOptions {
  prompt: Prompt
  /** True where this instance may act: the current slide of the presenter view. */
  controls: MaybeRefOrGetter<boolean>
  saveHands?: MaybeRefOrGetter<boolean>
}

export interface UsePromptPollReturn extends UseLivePollReturn {
  revealed: ComputedRef<boolean>
  statusText: ComputedRef<string>
  /** The presenter's words for what the projector shows now. */
  roomView: ComputedRef<string>
  /** Scale: "1" … "7". Open: empty. */
  labels: readonly string[]
  /** Scale: what the histogram draws (zeros before anyone answers, so the presenter sees the axis). */
  histogram: ComputedRef<BarSeries[]>
  /** Open: the round's approved groups, the only answers any slide draws. */
  cloud: ComputedRef<WordGroup[]>
  /** Open: approved answers in the round. */
  approvedAnswers: ComputedRef<number>
  /** Open, presenter's moderating link on the current slide: the queue; otherwise undefined. */
  queue: ComputedRef<ModerationQueue | undefined>
  moderation: UseModerationReturn
}

/** A scale or open poll on a slide: the live poll, plus what its kind draws and the presenter moderates. */
export function usePromptPoll({ prompt, controls, saveHands = false }: UsePromptPollOptions): UsePromptPollReturn {
  const labels = prompt.kind === 'scale' ? scaleLabels(prompt) : []
  // Scale polls take a show of hands per point; open polls have none (the presenter asks aloud).
  const poll = useLivePoll({ id: prompt.id, choiceCount: labels.length, answer: null, controls, saveHands })
  const { connection, live, held, status, round, series, resultsForRoom } = poll
  const moderation = useModeration(connection, prompt.id)

  const revealed = computed(() => status.value === 'revealed')
  const statusText = computed(() => {
    if (!live.value && !held.value)
      return revealed.value ? PROMPT_STATUS_LABELS.revealed : 'Live poll off'
    const text = round.value > 1 ? `${PROMPT_STATUS_LABELS[status.value]} · round ${round.value}` : PROMPT_STATUS_LABELS[status.value]
    return held.value ? `${text} · reconnecting…` : text
  })

  const histogram = computed<BarSeries[]>(() => series.value.length > 0
    ? series.value
    : [{ label: `Round ${round.value}`, counts: labels.map(() => 0) }])

  const answerRound = computed(() => connection.polls.value.get(prompt.id)?.answers?.find(entry => entry.round === round.value))
  const cloud = computed(() => roomGroups(answerRound.value))
  const approvedAnswers = computed(() => roomAnswerCount(answerRound.value))
  // Through a short outage the queue keeps its last state; once the poll is off there is nothing to moderate.
  const queue = computed(() => toValue(controls) && connection.moderator.value && (live.value || held.value) ? moderationQueue(answerRound.value) : undefined)

  const roomView = computed(() => roomSees({
    status: status.value,
    results: resultsForRoom.value && (prompt.kind === 'scale' ? series.value.length > 0 : cloud.value.length > 0),
    bothRounds: prompt.kind === 'scale' && series.value.length > 1,
    hasAnswer: false,
  }))

  return { ...poll, revealed, statusText, roomView, labels, histogram, cloud, approvedAnswers, queue, moderation }
}
