// Runs inside the page (page.evaluate): every visible piece of text on the current slide,
// with its rendered font size and its contrast against what is behind it. Self-contained:
// it is serialised into the browser, so it may not use imports or outer variables.

export interface MeasuredText {
  text: string
  /** Rendered size in screen pixels (the slide is scaled to the window). */
  px: number
  /** Size in the slide's own CSS pixels, which WCAG's "large text" is measured in. */
  cssPx: number
  bold: boolean
  contrast: number
  /** Inside the poll slide's own area (its room-facing text). */
  poll: boolean
  /** Runs past the edge of the slide, where the projector cuts it off. */
  clipped: boolean
  where: string
}

export function measureSlide(slideNo: number): MeasuredText[] {
  type Rgba = [number, number, number, number]
  const slide = document.querySelector<HTMLElement>(`.slidev-page-${slideNo}`)
  if (!slide)
    throw new Error(`slide ${slideNo} is not on the page`)
  const bounds = slide.getBoundingClientRect()
  const scale = bounds.width / slide.offsetWidth
  const viewport = { width: innerWidth, height: innerHeight }

  function parse(color: string): Rgba {
    const match = color.match(/rgba?\(([^)]+)\)/)
    if (!match) {
      // color(srgb r g b / a) from color-mix() and friends.
      const srgb = color.match(/color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)(?: \/ ([\d.]+))?\)/)
      if (srgb)
        return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, srgb[4] === undefined ? 1 : Number(srgb[4])]
      return [0, 0, 0, 1]
    }
    const parts = match[1]!.split(/[\s,/]+/).filter(Boolean).map(Number)
    return [parts[0]!, parts[1]!, parts[2]!, parts[3] ?? 1]
  }
  function over(top: Rgba, bottom: Rgba): Rgba {
    const a = top[3]
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1]
  }
  function luminance([r, g, b]: Rgba): number {
    const channel = (value: number) => {
      const c = value / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    }
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
  }
  /** What is painted behind an element: its backgrounds (and SVG shapes' fills) composited up to the page. */
  function background(element: Element): Rgba {
    const layers: Rgba[] = []
    for (let node: Element | null = element; node; node = node.parentElement) {
      const style = getComputedStyle(node)
      const fill = parse(style.backgroundColor)
      if (fill[3] > 0)
        layers.push(fill)
      // A mermaid label sits in a <g> beside the shape that paints its box.
      if (node instanceof SVGGElement) {
        const shape = node.querySelector(':scope > rect, :scope > polygon, :scope > circle, :scope > ellipse, :scope > path.basic')
        if (shape) {
          const shapeFill = parse(getComputedStyle(shape).fill)
          if (getComputedStyle(shape).fill.startsWith('rgb') && shapeFill[3] > 0)
            layers.push(shapeFill)
        }
      }
      if (fill[3] >= 1)
        break
    }
    let color: Rgba = [255, 255, 255, 1]
    for (const layer of layers.reverse())
      color = over(layer, color)
    return color
  }
  function opacity(element: Element): number {
    let value = 1
    for (let node: Element | null = element; node; node = node.parentElement)
      value *= Number(getComputedStyle(node).opacity)
    return value
  }

  const seen = new Set<Element>()
  const found: MeasuredText[] = []
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    const element = node.parentElement
    if (!text || !element || seen.has(element))
      continue
    seen.add(element)
    const range = document.createRange()
    range.selectNodeContents(node)
    const rect = range.getBoundingClientRect()
    const style = getComputedStyle(element)
    const alpha = opacity(element)
    if (rect.width < 1 || rect.height < 1 || style.visibility === 'hidden' || alpha < 0.05)
      continue
    if (rect.right <= 0 || rect.bottom <= 0 || rect.left >= viewport.width || rect.top >= viewport.height)
      continue
    const clipped = rect.bottom > bounds.bottom + 1 || rect.right > bounds.right + 1
    const inSvg = element instanceof SVGElement
    const rawColor = parse(inSvg && style.fill.startsWith('rgb') && !element.closest('foreignObject') ? style.fill : style.color)
    const back = background(element)
    const ink = over([rawColor[0], rawColor[1], rawColor[2], rawColor[3] * alpha], back)
    const [light, dark] = [luminance(ink), luminance(back)].sort((a, b) => b - a) as [number, number]
    const px = inSvg
      ? rect.height / 1.25
      : Number.parseFloat(style.fontSize) * scale
    const cssPx = inSvg ? px / scale : Number.parseFloat(style.fontSize)
    found.push({
      text: text.slice(0, 60),
      px: Math.round(px * 10) / 10,
      cssPx: Math.round(cssPx * 10) / 10,
      bold: Number(style.fontWeight) >= 700,
      contrast: Math.round(((light + 0.05) / (dark + 0.05)) * 100) / 100,
      poll: element.closest('.poll-live') !== null,
      clipped,
      where: element.className && typeof element.className === 'string' ? `${element.tagName.toLowerCase()}.${element.className.split(' ')[0]}` : element.tagName.toLowerCase(),
    })
  }
  return found
}
