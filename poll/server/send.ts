// Writing server messages to sockets: the only place the server serialises a ServerMessage.
import type { ServerMessage } from '../protocol'

/** The part of a ws WebSocket the poll server writes to; tests pass a plain object. */
export interface MessageSocket {
  readonly readyState: number
  send: (data: string) => void
}

/** ws's WebSocket.OPEN, without importing ws into code that only writes. */
export const OPEN = 1

/** Sends one message if the socket is still open. */
export function send(socket: MessageSocket, message: ServerMessage): void {
  if (socket.readyState === OPEN)
    socket.send(JSON.stringify(message))
}

/** Sends one message to many sockets, serialised once. */
export function broadcast(sockets: Iterable<MessageSocket>, message: ServerMessage): void {
  const data = JSON.stringify(message)
  for (const socket of sockets) {
    if (socket.readyState === OPEN)
      socket.send(data)
  }
}
