import antfu from '@antfu/eslint-config'

// The layers the folders promise, enforced. Each block lists what its files may not
// import; ESLint applies only the last matching block's rule, so each states its full set.
const fromScripts = { regex: '(^|/)scripts/', message: 'scripts/ holds the command-line entry points; move shared Node helpers to lib/ instead.' }
const nodeOnlyKit = {
  regex: '(^|/)(lib|print|poll/(server|store|results)|content/(loadScenarios|deckPlan|loadSessionPlans|readScenarioFile|yamlSource|sessionDeck|\\w+VitePlugin))(/|\\.ts$|$)',
  message: 'This folder runs in the browser (deck or phone); that module is Node-only.',
}
const nodeBuiltins = { regex: '^node:', message: 'This folder runs in the browser (deck or phone); Node built-ins are not available there.' }
const nodeOnlyPackages = ['ws', 'better-sqlite3', 'esbuild', 'playwright-core', 'yaml'].map(name => ({ name, message: 'Node-only package in browser code.' }))
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns, paths: [] }] })
const kitLayer = name => ({ regex: `(^|/)\\.\\.?/(\\.\\./)*${name}(/|\\.ts$|$)`, message: `lib/ is the bottom layer: it may not import ${name}/.` })

export default antfu({
  vue: true,
  typescript: true,
  formatters: {
    // Formats the deck's markdown (headmatter, slide separators, notes) the Slidev way.
    markdown: 'prettier',
    slidev: { files: ['slides.md', 'pages/**/*.md'] },
  },
  // Scenario fixtures are deliberately broken and their exact bytes are asserted: never lint or fix them.
  ignores: ['dist/**', 'exports/**', 'handouts/**', 'test-results/**', 'scenarios/schema.json', 'test/fixtures/scenarios/**'],
}, {
  // A Slidev deck has one h1 per slide, so many per file.
  files: ['slides.md', 'pages/**/*.md'],
  rules: { 'markdown/no-multiple-h1': 'off' },
}, {
  // Nothing but scripts/ (and the tests of its helpers) leans on scripts/.
  files: ['**/*.ts', '**/*.vue'],
  ignores: ['scripts/**', 'test/**'],
  rules: restrict(fromScripts),
}, {
  // Browser code: the deck's components and composables, the phone page, the poll client,
  // and poll/'s shared modules (protocol, machine, views), which both sides import.
  files: ['components/**', 'composables/**', 'setup/mermaid.ts', 'setup/shortcuts.ts', 'poll/*.ts', 'poll/client/**', 'poll/phone/**'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [fromScripts, nodeBuiltins, nodeOnlyKit], paths: nodeOnlyPackages }],
  },
}, {
  // The store keeps votes; it knows nothing of sockets, exports or print.
  files: ['poll/store/**'],
  rules: restrict(fromScripts, { regex: '(^|/)(server|results|print|lib/findBrowser)(/|$)', message: 'poll/store/ sits below the server and the results export.' }),
}, {
  // lib/ holds Node helpers every other part uses, so it imports none of them.
  files: ['lib/**'],
  rules: restrict(fromScripts, kitLayer('poll'), kitLayer('print'), kitLayer('content'), kitLayer('components'), kitLayer('composables')),
})
