import type { Ref } from 'vue'
import type { PollShortcut } from '../composables/usePollShortcuts'
import { defineShortcutsSetup } from '@slidev/types'
import { shallowRef } from 'vue'
import { POLL_SHORTCUT_KEYS, runPollShortcut } from '../composables/usePollShortcuts'

// Slidev's keys, plus the poll keys of the presenter view: V opens voting, C closes it,
// R reveals the answer. They act only on the poll slide that is current in the presenter
// view (nothing else registers) and, like Slidev's own keys, never while typing in a field.
export default defineShortcutsSetup((_nav, base) => [
  ...base,
  ...(Object.entries(POLL_SHORTCUT_KEYS) as [PollShortcut, string][]).map(([shortcut, key]) => ({
    name: `poll_${shortcut}`,
    key: plainKeyDown(key),
    fn: () => void runPollShortcut(shortcut),
  })),
])

const keys = new Map<string, Ref<boolean>>()

/** True while `key` is held without Ctrl, Alt, Meta or Shift, so Ctrl+C (copy) never closes a poll. */
function plainKeyDown(key: string): Ref<boolean> {
  let down = keys.get(key)
  if (!down) {
    const state = shallowRef(false)
    const matches = (event: KeyboardEvent) => event.key.toLowerCase() === key
    window.addEventListener('keydown', (event) => {
      if (matches(event) && !event.repeat)
        state.value = !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey)
    })
    window.addEventListener('keyup', (event) => {
      if (matches(event))
        state.value = false
    })
    window.addEventListener('blur', () => state.value = false)
    down = state
    keys.set(key, down)
  }
  return down
}
