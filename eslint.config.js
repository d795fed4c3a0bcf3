import antfu from '@antfu/eslint-config'

// Node 20 lacks Object.groupBy (added in Node 21); the config composer calls it.
if (!Object.groupBy) {
  Object.groupBy = (items, keyOf) => {
    const groups = Object.create(null)
    let index = 0
    for (const item of items)
      (groups[keyOf(item, index++)] ??= []).push(item)
    return groups
  }
}

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
