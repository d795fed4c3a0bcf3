import type { ShallowRef } from 'vue'
import { shallowRef } from 'vue'

export interface SharedStorage<T> {
  /** The current value; changes when this tab or another tab of the deck sets it. */
  readonly state: Readonly<ShallowRef<T>>
  set: (value: T) => void
}

interface Entry {
  state: ShallowRef<unknown>
  read: () => unknown
}

const entries = new Map<string, Entry>()
let listening = false

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage
  }
  catch {
    return undefined
  }
}

function listen(): void {
  if (listening || typeof window === 'undefined')
    return
  listening = true
  // Fired in the other tabs of this origin: the projector window follows the presenter view.
  window.addEventListener('storage', (event) => {
    for (const [key, entry] of entries) {
      if (event.key === null || event.key === key)
        entry.state.value = entry.read()
    }
  })
}

/**
 * A value kept in localStorage and in step across this browser's tabs (the presenter
 * view and the projector window). Missing or invalid data reads as `fallback`; every
 * caller with the same key shares one ref.
 */
export function useSharedStorage<T>(key: string, fallback: T, parse: (raw: unknown) => T | undefined): SharedStorage<T> {
  listen()
  let entry = entries.get(key)
  if (!entry) {
    const read = (): unknown => {
      try {
        const raw = storage()?.getItem(key)
        return (raw ? parse(JSON.parse(raw)) : undefined) ?? fallback
      }
      catch {
        return fallback
      }
    }
    entry = { state: shallowRef(read()), read }
    entries.set(key, entry)
  }
  const state = entry.state as ShallowRef<T>
  return {
    state,
    set(value) {
      state.value = value
      try {
        storage()?.setItem(key, JSON.stringify(value))
      }
      catch {
        // Storage full or blocked: the value still holds for this tab.
      }
    },
  }
}
