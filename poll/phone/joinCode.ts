import { normalizeJoinCode } from '../protocol'

/** A join code as typed or linked: letters, digits and dashes, 3 to 16 long once normalized. */
const JOIN_CODE_PATTERN = /^[A-Z0-9]{3,16}$/

/** The code in a plausible form, or null. */
export function cleanJoinCode(input: string | null | undefined): string | null {
  if (!input)
    return null
  const code = normalizeJoinCode(input)
  return JOIN_CODE_PATTERN.test(code) ? code : null
}

/** The code from the QR link (`/K7QFM`) or a `?code=` query, or null when the page was opened bare. */
export function joinCodeFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | null {
  const fromQuery = new URLSearchParams(location.search).get('code')
  return cleanJoinCode(fromQuery) ?? cleanJoinCode(location.pathname.replace(/^\/+|\/+$/g, ''))
}
