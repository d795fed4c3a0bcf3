import { deviceIdSchema } from '../protocol'

/** The localStorage key under which a phone keeps its device id. */
export const DEVICE_ID_STORAGE_KEY = 'pm-workshop-poll-device'

/** A random device id (128 bits, hex): all the server ever stores about a participant. */
export function createDeviceId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, byte => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * This browser's device id, created on first use. Kept in localStorage so a reload keeps
 * its vote; where storage is unavailable (private mode), it lasts for the page only.
 */
export function loadDeviceId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): string {
  try {
    const existing = storage?.getItem(DEVICE_ID_STORAGE_KEY)
    if (existing && deviceIdSchema.safeParse(existing).success)
      return existing
    const id = createDeviceId()
    storage?.setItem(DEVICE_ID_STORAGE_KEY, id)
    return id
  }
  catch {
    return createDeviceId()
  }
}
