import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PhonePage } from './phonePage'
import { phonePage } from './phonePage'

/** A Host header we are willing to echo into the policy: a name or address and a port. */
const HOST_PATTERN = /^[\w.-]+(?::\d{1,5})?$|^\[[\d:a-f.]+\](?::\d{1,5})?$/i

/** The page's policy: its own inline script and style, a socket to this server, nothing else. */
export function phonePagePolicy(page: Pick<PhonePage, 'scriptHash' | 'styleHash'>, host: string | undefined): string {
  // 'self' covers ws: in current browsers; older Safari needs the socket's origin spelled out.
  const sockets = host && HOST_PATTERN.test(host) ? ` ws://${host} wss://${host}` : ''
  return [
    'default-src \'none\'',
    `script-src ${page.scriptHash}`,
    `style-src ${page.styleHash}`,
    `connect-src 'self'${sockets}`,
    'img-src data:',
    'base-uri \'none\'',
    'form-action \'none\'',
    'frame-ancestors \'none\'',
  ].join('; ')
}

/** Answers GET/HEAD for the vote page: gzipped when the phone accepts it, 304 when it has it. */
export function servePhonePage(request: IncomingMessage, response: ServerResponse, page: PhonePage): void {
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
  const headers: Record<string, string> = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': phonePagePolicy(page, request.headers.host),
    // Revalidate on every load (the page changes with the kit), but a reload costs a 304.
    'Cache-Control': 'no-cache',
    'ETag': page.etag,
    'Vary': 'Accept-Encoding',
  }
  if (request.headers['if-none-match'] === page.etag) {
    response.writeHead(304, headers)
    response.end()
    return
  }
  const body = gzip ? page.gzip : page.html
  if (gzip)
    headers['Content-Encoding'] = 'gzip'
  headers['Content-Length'] = String(body.length)
  response.writeHead(200, headers)
  response.end(request.method === 'HEAD' ? undefined : body)
}

/** Builds the vote page (once per process) and returns a request handler for it. */
export async function createPhonePageHandler(): Promise<(request: IncomingMessage, response: ServerResponse) => void> {
  const page = await phonePage()
  return (request, response) => servePhonePage(request, response, page)
}
