import { PRESENTER_TOKEN_PATH, presenterTokenResponseSchema } from '../protocol'

/**
 * Fetches the presenter token from a poll server on this computer. It answers only a
 * page on an allowed deck origin, over loopback (see the README's "Presenter token").
 */
export async function fetchPresenterToken(serverUrl: string, fetchImpl: typeof fetch = globalThis.fetch): Promise<string> {
  const response = await fetchImpl(new URL(PRESENTER_TOKEN_PATH, serverUrl), { cache: 'no-store', credentials: 'omit' })
  if (!response.ok)
    throw new Error(`The poll server at ${serverUrl} refused the presenter token (HTTP ${response.status}); is this deck's origin allowed (--allow-origin), and is the server on this computer?`)
  const body = presenterTokenResponseSchema.safeParse(await response.json())
  if (!body.success)
    throw new Error(`The poll server at ${serverUrl} sent an unexpected answer for the presenter token.`)
  return body.data.token
}
