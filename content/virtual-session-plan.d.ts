// Types for the module served by content/sessionPlanVitePlugin.ts.
declare module 'virtual:session-plan' {
  const plan: import('./sessionPlanSummary').SessionPlanSummary
  export default plan
}
