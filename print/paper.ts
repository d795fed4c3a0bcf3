/** Paper sizes the handouts print on. */
export const paperSizes = {
  a4: { css: 'A4', label: 'A4', widthMm: 210, heightMm: 297 },
  letter: { css: 'letter', label: 'US Letter', widthMm: 215.9, heightMm: 279.4 },
} as const

export type Paper = keyof typeof paperSizes

export const paperNames = Object.keys(paperSizes) as Paper[]
