// The live-poll wire protocol, shared by the poll server, the deck and the phone page.
// Browser-safe: no Node imports, and zod/mini so the phone page stays small
// (classic zod adds ~90 KB gzipped to a bundle, zod/mini ~7 KB). One module to import;
// its parts each have a file: constants and shared pieces, each direction's messages,
// and ports, routes and join links.
import type * as z from 'zod/mini'
import type { ClientMessage } from './clientMessages'
import type { ErrorCode } from './protocolBase'
import type { ServerMessage } from './serverMessages'
import { clientMessageSchema, clientMessageTypes } from './clientMessages'
import { messageIdSchema } from './protocolBase'
import { serverMessageSchema, serverMessageTypes } from './serverMessages'

export * from './clientMessages'
export * from './joinLinks'
export * from './protocolBase'
export * from './serverMessages'

// ---- Parsing -------------------------------------------------------------------------

type ParseResult<T>
  = | { ok: true, message: T }
    | { ok: false, code: Extract<ErrorCode, 'bad-json' | 'bad-message' | 'unknown-type'>, id?: string }

/** Parses one client frame: invalid JSON, an unknown type and a wrong shape get distinct codes. */
export function parseClientMessage(raw: string): ParseResult<ClientMessage> {
  return parseWith(raw, clientMessageSchema, clientMessageTypes)
}

/** Parses one server frame (the deck and phone validate what they receive, too). */
export function parseServerMessage(raw: string): ParseResult<ServerMessage> {
  return parseWith(raw, serverMessageSchema, serverMessageTypes)
}

function parseWith<T>(raw: string, schema: z.ZodMiniType<T>, types: readonly string[]): ParseResult<T> {
  let data: unknown
  try {
    data = JSON.parse(raw)
  }
  catch {
    return { ok: false, code: 'bad-json' }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, code: 'bad-message' }
  const { type, id } = data as { type?: unknown, id?: unknown }
  // Echo the id only when it is well formed, so an error never carries raw input back.
  const echo = messageIdSchema.safeParse(id).success ? { id: id as string } : {}
  if (typeof type !== 'string' || !types.includes(type))
    return { ok: false, code: typeof type === 'string' ? 'unknown-type' : 'bad-message', ...echo }
  const result = schema.safeParse(data)
  return result.success ? { ok: true, message: result.data } : { ok: false, code: 'bad-message', ...echo }
}
