import type { Ref } from 'vue'
import { useStorage } from '@vueuse/core'
import { effectScope } from 'vue'

const stores = new Map<string, Ref<unknown>>()

/**
 * A value kept in localStorage and in step across this browser's tabs (the presenter
 * view and the projector window): vueuse's `useStorage`, one ref per key for the whole
 * tab, so every instance of a slide reads and writes the same value. Missing or invalid
 * data reads as `fallback`; a storage that is full or blocked keeps the value in this tab.
 */
export function useSharedStorage<T>(key: string, fallback: T, parse: (raw: unknown) => T | undefined): Ref<T> {
  let store = stores.get(key)
  if (!store) {
    // Detached: the first slide to ask may unmount while the others keep using the value.
    store = effectScope(true).run(() => useStorage<T>(key, fallback, undefined, {
      shallow: true,
      writeDefaults: false,
      serializer: {
        read(raw) {
          try {
            return parse(JSON.parse(raw)) ?? fallback
          }
          catch {
            return fallback
          }
        },
        write: value => JSON.stringify(value),
      },
      onError() {},
    }))!
    stores.set(key, store)
  }
  return store as Ref<T>
}
