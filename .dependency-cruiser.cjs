// The import graph's rules: no cycles, and no arrow from a lower layer up to the
// command-line entry points. ESLint's no-restricted-imports (eslint.config.js) checks
// each file's imports; this checks the whole graph, including cycles through several files.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle makes two modules one; split out what both need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'nothing-leans-on-scripts',
      severity: 'error',
      comment: 'scripts/ holds entry points; shared helpers live in lib/.',
      from: { pathNot: '^(scripts|test)/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'browser-code-stays-browser-safe',
      severity: 'error',
      comment: 'The deck and the phone run in a browser: no Node built-ins, no server, store, results, print or lib.',
      from: { path: '^(components|composables|poll/client|poll/phone)/|^poll/[^/]+\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'browser-code-imports-no-node-modules-of-the-kit',
      severity: 'error',
      from: { path: '^(components|composables|poll/client|poll/phone)/|^poll/[^/]+\\.ts$' },
      to: { path: '^(lib|print|scripts|poll/(server|store|results))/' },
    },
    {
      name: 'lib-is-the-bottom-layer',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^(poll|print|content|components|composables|scripts)/' },
    },
    {
      name: 'store-below-server-and-results',
      severity: 'error',
      from: { path: '^poll/store/' },
      to: { path: '^poll/(server|results)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|exports|handouts|test-results|\\.cache)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.vue', '.js', '.cjs', '.mjs', '.json'] },
  },
}
