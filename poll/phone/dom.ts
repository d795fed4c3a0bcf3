// A tiny element builder for the vote page. Text always goes in as text nodes, never as
// HTML, so nothing a poll or a participant wrote can become markup.

type Child = Node | string | number | null | undefined | false
type Attributes = Record<string, string | number | boolean | null | undefined>

/** Creates `<tag>` with attributes (true: present, false/null/undefined: absent) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true)
      element.setAttribute(name, '')
    else if (value !== false && value !== null && value !== undefined)
      element.setAttribute(name, String(value))
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false)
      continue
    element.append(typeof child === 'object' ? child : document.createTextNode(String(child)))
  }
  return element
}

/** Sets an element's text, only when it changed (so a live region does not repeat itself). */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text)
    element.textContent = text
}
