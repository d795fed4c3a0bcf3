// The phone page's and the deck's transport to the poll server.
export { backoffDelay } from './backoff'
export type { BackoffOptions } from './backoff'
export { createDeviceId, DEVICE_ID_STORAGE_KEY, loadDeviceId } from './deviceId'
export { createPollClient, PollRequestError } from './pollClient'
export type { ClientHello, ConnectionStatus, PendingVote, PollClient, PollClientOptions, StoredAnswer, VoteResult, WebSocketConstructor, WebSocketLike } from './pollClient'
export { fetchPresenterToken } from './presenterToken'
