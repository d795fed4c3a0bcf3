/** The colour family of a choice: a role's, "both", or neutral for a custom choice. */
export type RoleTone = 'product' | 'project' | 'both' | 'neutral'

/** The kit's palette: product teal, project amber, slate for "both" and for other choices. */
export const TONE_COLOURS: Record<RoleTone, string> = {
  product: '#0f766e',
  project: '#b45309',
  both: '#475569',
  neutral: '#64748b',
}

/** Reads the tone from a choice's words, e.g. "Associate product manager" → product. */
export function toneOf(choice: string): RoleTone {
  if (/\bboth\b/i.test(choice))
    return 'both'
  if (/\bproduct\b/i.test(choice))
    return 'product'
  if (/\bproject\b/i.test(choice))
    return 'project'
  return 'neutral'
}
