/** The five workshop sections, in teaching order; ids are used in scenario files and the index. */
export const sections = [
  { id: 'defining-roles', title: 'Defining the roles', number: 1 },
  { id: 'responsibilities', title: 'Responsibilities and scope', number: 2 },
  { id: 'skills', title: 'Skills and competencies', number: 3 },
  { id: 'collaboration', title: 'Collaboration and team dynamics', number: 4 },
  { id: 'careers', title: 'Career paths and growth', number: 5 },
] as const satisfies readonly { id: string, title: string, number: number }[]

export type Section = (typeof sections)[number]
export type SectionId = Section['id']

/** Section ids in teaching order, as a tuple zod can build an enum from. */
export const sectionIds = sections.map(section => section.id) as [SectionId, ...SectionId[]]

/** Looks up a section by id; undefined when the id is not a section. */
export function sectionById(id: string): Section | undefined {
  return sections.find(section => section.id === id)
}
