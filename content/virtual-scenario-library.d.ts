// Types for the module served by content/scenarioVitePlugin.ts.
declare module 'virtual:scenario-library' {
  const library: import('./loadScenarios').ScenarioLibraryData
  export default library
}
