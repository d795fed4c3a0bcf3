import type { WebSocket, WebSocketServer } from 'ws'

/**
 * Pings every socket each `intervalMs` and terminates those that did not answer the
 * previous ping (phones that left the Wi-Fi without closing). Returns a stop function.
 */
export function startHeartbeat(wss: WebSocketServer, intervalMs: number): () => void {
  const alive = new WeakSet<WebSocket>()
  const markAlive = (socket: WebSocket) => alive.add(socket)
  wss.on('connection', (socket) => {
    alive.add(socket)
    socket.on('pong', () => markAlive(socket))
    // Any message is proof of life too.
    socket.on('message', () => markAlive(socket))
  })
  const timer = setInterval(() => {
    for (const socket of wss.clients) {
      if (!alive.has(socket)) {
        socket.terminate()
        continue
      }
      alive.delete(socket)
      socket.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
