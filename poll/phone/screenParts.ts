// Pieces every screen of the vote page shares.
import type { PhoneState } from './phoneState'
import { h } from './dom'

/** The screen's heading: it gets focus when the screen changes, so a screen reader reads it. */
export function heading(kicker: string, title: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1 }, h('span', { class: 'kicker' }, kicker), ' ', title)
}

export function screen(...children: Parameters<typeof h>[2][]): HTMLElement {
  return h('section', { class: 'screen' }, ...children)
}

/** A screen whose controls stay in place while the state changes (votes, acks, the connection). */
export interface LiveScreen {
  element: HTMLElement
  update: (state: PhoneState) => void
}

/** The kicker above a poll's title: open, a second round, or closed. */
export function pollKicker(status: string, round: number, open: string): string {
  if (status !== 'open')
    return 'Voting closed'
  return round > 1 ? `Round ${round}: ${open} again` : 'Voting open'
}
