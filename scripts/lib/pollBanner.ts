import type { RunningPollServer } from '../../poll/server/pollServer'
import { relative } from 'node:path'
import process from 'node:process'
import { renderUnicodeCompact } from 'uqr'

/** The terminal text that lets a room join: URL, code and a QR code to scan. */
export function pollBanner(server: RunningPollServer, options: { showToken?: boolean } = {}): string {
  const { join } = server
  const base = join.url.slice(0, -join.code.length - 1)
  const qr = renderUnicodeCompact(join.url, { border: 1 }).split('\n').map(line => `    ${line}`).join('\n')
  const lines = [
    '',
    `  Live poll · session ${join.session}`,
    `    Join:  ${join.url}`,
    `    Code:  ${join.code}   (or open ${base} and type it)`,
    '',
    qr,
    '',
  ]
  if (server.loopbackOnly)
    lines.push('  Listening on this computer only (--host): phones cannot reach it.', '')
  else if (!server.onLan)
    lines.push('  ⚠ No network address found: phones cannot reach this computer. Join the venue Wi-Fi and restart.', '')
  if (server.descriptorNote)
    lines.push(`  ${server.descriptorNote}`, '')
  lines.push(`  Votes are saved in ${relative(process.cwd(), server.dbFile) || server.dbFile}.`)
  lines.push(options.showToken
    ? `  Presenter token (keep it off the projector): ${server.presenterToken}`
    : '  The deck on this computer fetches the presenter token by itself.')
  return `${lines.join('\n')}\n`
}
