// A slide picture Slidev took before the slide drew is one flat colour; any drawn slide
// of this deck has text on it.
import type { Buffer } from 'node:buffer'
import { PNG } from 'pngjs'

/** True when every pixel of the PNG has the same colour (and alpha). */
export function isBlankPng(png: Buffer): boolean {
  const { data } = PNG.sync.read(png)
  const pixels = new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4)
  const first = pixels[0]
  return pixels.every(pixel => pixel === first)
}
