// A tiny HTML builder: every interpolated value is escaped unless it is already
// SafeHtml (built by `html` itself, or deliberately by `trustedHtml`).

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\'': '&#39;',
}

/** Escapes text for use in HTML element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, char => ESCAPES[char]!)
}

/** Markup that is already safe to insert as is. */
export class SafeHtml {
  constructor(readonly value: string) {}

  toString(): string {
    return this.value
  }
}

/** What `html` accepts inside `${…}`: text (escaped), numbers, markup, lists of those; null, undefined and false render nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[]

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false)
    return ''
  if (value instanceof SafeHtml)
    return value.value
  if (Array.isArray(value))
    return value.map(render).join('')
  return escapeHtml(String(value))
}

/** Tagged template that escapes every interpolation by default. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '')
  })
  return new SafeHtml(out)
}

/** Marks markup the kit generated itself (CSS, SVG) as safe; never pass it text from a file. */
export function trustedHtml(markup: string): SafeHtml {
  return new SafeHtml(markup)
}

/** Quotes text as a CSS string, e.g. for `content:` in an `@page` margin box. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, char => `\\${char}`).replace(/[\n\r\f]/g, ' ').replace(/</g, '\\3c ')}"`
}
