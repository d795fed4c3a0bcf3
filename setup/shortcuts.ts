import type { Ref } from 'vue'
import type { PollShortcut } from '../composables/usePollShortcuts'
import { defineShortcutsSetup } from '@slidev/types'
import { onKeyStroke, onKeyUp, useEventListener } from '@vueuse/core'
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

/**
 * True while `key` is held, if it went down without Ctrl, Alt, Meta or Shift, so Ctrl+C
 * (copy) never closes a poll, even when Ctrl is let go before C. (Slidev's useMagicKeys
 * would read C alone as soon as Ctrl is up.)
 */
function plainKeyDown(key: string): Ref<boolean> {
  let down = keys.get(key)
  if (!down) {
    const state = shallowRef(false)
    const matches = (event: KeyboardEvent) => event.key.toLowerCase() === key
    // dedupe: a held key's auto-repeat changes nothing.
    onKeyStroke(matches, (event) => {
      state.value = !(event.ctrlKey || event.altKey || event.metaKey || event.shiftKey)
    }, { dedupe: true })
    onKeyUp(matches, () => {
      state.value = false
    })
    useEventListener(window, 'blur', () => {
      state.value = false
    })
    down = state
    keys.set(key, down)
  }
  return down
}
