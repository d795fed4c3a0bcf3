import type { ScenarioIssue } from './scenarioLibraryError.ts'
import type { SessionPlanData } from './sessionPlanSchema.ts'
import type { YamlFileKind } from './yamlSource.ts'
import { join, relative } from 'node:path'
import process from 'node:process'
import { KIT_ROOT } from '../lib/kitPaths.ts'
import { LocatedIssuesError } from './scenarioLibraryError.ts'
import { sessionPlanFields, sessionPlansSchema } from './sessionPlanSchema.ts'
import { readYamlSource, validateSource } from './yamlSource.ts'

/** The shipped plans: `<repo>/plans/session-plans.yaml`. */
export const defaultPlansFile = join(KIT_ROOT, 'plans/session-plans.yaml')

export { PLAN_ENV } from './planEnv.ts'

/** One plan, by name, with a way to locate any of its fields in the plan file. */
export interface SessionPlan extends SessionPlanData {
  /** "60", "90": what `--plan` takes. */
  name: string
  /** An issue at `path` inside this plan, e.g. `['hide', 2]`. */
  issueAt: (path: readonly (string | number)[], message: string) => ScenarioIssue
}

export interface SessionPlans {
  defaultName: string
  plans: ReadonlyMap<string, SessionPlan>
  /** The file, as messages show it. */
  file: string
}

/** Thrown when the plan file is invalid or names something the deck or library lacks; carries every issue. */
export class SessionPlanError extends LocatedIssuesError {
  override name = 'SessionPlanError'

  constructor(issues: readonly ScenarioIssue[]) {
    super('Session plans have', issues)
  }
}

const plansKind: YamlFileKind = {
  emptyMessage: 'is empty; it needs `default:` and `plans:` with one entry per session length',
  keyNoun: 'field',
}

/** Reads and validates the plan file; throws a SessionPlanError with located issues. */
export function loadSessionPlans(path: string = defaultPlansFile): SessionPlans {
  const file = relative(process.cwd(), path) || path
  const { source, issues } = readYamlSource(path, file, plansKind)
  if (!source)
    throw new SessionPlanError(issues)
  const { data, issues: schemaIssues } = validateSource(source, sessionPlansSchema, plansKind, ['default', 'plans', ...sessionPlanFields])
  if (!data)
    throw new SessionPlanError(schemaIssues)

  const plans = new Map<string, SessionPlan>()
  for (const [name, plan] of Object.entries(data.plans)) {
    plans.set(name, {
      ...plan,
      name,
      issueAt: (path, message) => source.issueAt(['plans', name, ...path], message),
    })
  }
  const problems: ScenarioIssue[] = []
  if (!plans.has(data.default))
    problems.push(source.issueAt(['default'], `"${data.default}" is not a plan; use one of: ${[...plans.keys()].join(', ')}`))
  for (const plan of plans.values()) {
    plan.cutsWhenLate.forEach((alias, index) => {
      if (plan.hide.includes(alias))
        problems.push(plan.issueAt(['cutsWhenLate', index], `"${alias}" is already hidden in this plan; cut only slides it shows`))
    })
    for (const [from, to] of Object.entries(plan.swaps)) {
      if (from === to)
        problems.push(plan.issueAt(['swaps', from], 'swaps a scenario for itself; remove the line'))
    }
  }
  if (problems.length > 0)
    throw new SessionPlanError(problems)
  return { defaultName: data.default, plans, file }
}

/** The plan called `name`, or the default one; an unknown name is an error that lists the known ones. */
export function choosePlan(plans: SessionPlans, name: string | undefined): SessionPlan {
  const chosen = plans.plans.get(name ?? plans.defaultName)
  if (!chosen)
    throw new SessionPlanError([{ file: plans.file, line: 1, col: 1, path: '', message: `has no plan "${name}"; use one of: ${[...plans.plans.keys()].join(', ')}` }])
  return chosen
}
