import type { Ref } from 'vue'
import type { PollConnection } from './createPollConnection'
import { shallowRef } from 'vue'

export type ModerationDecision = 'approved' | 'hidden'

export interface UseModerationReturn {
  /** A decision on its way to the server: the queue's buttons wait for it. */
  busy: Readonly<Ref<boolean>>
  /** Why the last decision failed, in words. */
  error: Readonly<Ref<string>>
  /** Approves or hides groups by key, or every pending group. */
  decide: (keys: readonly string[] | 'pending', status: ModerationDecision) => Promise<void>
}

/** The presenter's approve/hide decisions on one open poll; the server's next state shows them. */
export function useModeration(connection: PollConnection, poll: string): UseModerationReturn {
  const busy = shallowRef(false)
  const error = shallowRef('')

  async function decide(keys: readonly string[] | 'pending', status: ModerationDecision): Promise<void> {
    if (busy.value || (keys !== 'pending' && keys.length === 0))
      return
    busy.value = true
    error.value = ''
    try {
      await connection.moderate(poll, keys, status)
    }
    catch (caught) {
      error.value = `Could not ${status === 'approved' ? 'approve' : 'hide'}: ${caught instanceof Error ? caught.message : String(caught)}`
    }
    finally {
      busy.value = false
    }
  }

  return { busy, error, decide }
}
