// The presenter's poll keys. setup/shortcuts.ts binds the keys; the poll slide that is
// current in the presenter view registers what they do (usePollShortcuts). Any other
// instance (the projector window, previews, hidden neighbours) never registers, so its
// keys do nothing.
import type { MaybeRefOrGetter } from 'vue'
import { toValue, watch } from 'vue'

/** What a poll key asks for. */
export type PollShortcut = 'open' | 'close' | 'reveal'

/** The keys, shown in the controls and the notes. They avoid Slidev's own (o, d, g, f, arrows, space). */
export const POLL_SHORTCUT_KEYS: Readonly<Record<PollShortcut, string>> = { open: 'v', close: 'c', reveal: 'r' }

type Handler = (shortcut: PollShortcut) => void

let active: { handler: Handler } | undefined

/** Makes `handler` the receiver of poll keys until the returned function is called. */
export function registerPollShortcuts(handler: Handler): () => void {
  const registration = { handler }
  active = registration
  return () => {
    if (active === registration)
      active = undefined
  }
}

/** Runs a poll key; false when no poll slide is current in the presenter view. */
export function runPollShortcut(shortcut: PollShortcut): boolean {
  if (!active)
    return false
  active.handler(shortcut)
  return true
}

/** The poll keys act through `handler` while `enabled` holds (the presenter view's current slide), until the scope ends. */
export function usePollShortcuts(enabled: MaybeRefOrGetter<boolean>, handler: Handler): void {
  watch(() => toValue(enabled), (on, _, onCleanup) => {
    if (on)
      onCleanup(registerPollShortcuts(handler))
  }, { immediate: true })
}
