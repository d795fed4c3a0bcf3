import antfu from '@antfu/eslint-config'

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
})
