// A small built-in list of offensive English words. An open answer containing one is
// hidden until the presenter approves it: the projector is a shared screen, and the
// presenter decides. Matched on whole words of the case-folded key, so "Scunthorpe"
// and "assessment" pass. Deliberately short: it catches the obvious, the presenter the rest.

const WORDS = [
  'arse',
  'arsehole',
  'ass',
  'asshole',
  'bastard',
  'bitch',
  'bollocks',
  'bullshit',
  'cock',
  'crap',
  'cunt',
  'damn',
  'dick',
  'dickhead',
  'dipshit',
  'douche',
  'douchebag',
  'fag',
  'faggot',
  'fuck',
  'fucked',
  'fucker',
  'fucking',
  'fucks',
  'jackass',
  'jerk',
  'motherfucker',
  'nazi',
  'nigga',
  'nigger',
  'piss',
  'pissed',
  'prick',
  'pussy',
  'retard',
  'retarded',
  'shit',
  'shite',
  'shits',
  'shitty',
  'slut',
  'spastic',
  'twat',
  'wanker',
  'whore',
  'idiot',
  'idiots',
  'moron',
  'morons',
  'stupid',
  'dumbass',
  'sucks',
] as const

const blocked: ReadonlySet<string> = new Set(WORDS)

/** The words of a key (already case-folded): letters, digits and inner apostrophes. */
function words(key: string): string[] {
  return key.split(/[^\p{L}\p{N}']+/u).map(word => word.replace(/^'+|'+$/g, '')).filter(word => word !== '')
}

/** Whether the case-folded answer key contains a word of the list. */
export function hasBlockedWord(key: string): boolean {
  return words(key).some(word => blocked.has(word))
}
