import type { ScenarioLibraryData } from '../../content/loadScenarios'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { build, createServer } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { scenarioLibrary } from '../../content/scenarioVitePlugin'

let root: string

/** Bundles an entry that re-exports the virtual module, as the deck imports it. */
async function bundle(dir: string): Promise<string> {
  const output = await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [scenarioLibrary({ dir })],
    build: { write: false, minify: false, lib: { entry: join(root, 'entry.js'), formats: ['es'], fileName: 'entry' } },
  })
  const [result] = Array.isArray(output) ? output : [output]
  if (!result || !('output' in result))
    throw new Error('unexpected build result')
  return result.output.map(chunk => ('code' in chunk ? chunk.code : '')).join('\n')
}

describe('virtual:scenario-library', () => {
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'scenario-plugin-'))
    writeFileSync(join(root, 'entry.js'), 'import library from \'virtual:scenario-library\'\nexport default library\n')
  })
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('exports the validated library as plain data', async () => {
    const code = await bundle(join(process.cwd(), 'test/fixtures/scenarios/valid'))
    const module = await import(`data:text/javascript,${encodeURIComponent(code)}`) as { default: ScenarioLibraryData }
    expect(module.default.scenarios.map(scenario => scenario.id)).toEqual(['late-delivery', 'first-step'])
    expect(module.default.scenarios[0]?.question).toBe('Who should handle this?')
    expect(module.default.sections.map(section => section.scenarioIds)).toEqual([[], ['late-delivery'], [], [], ['first-step']])
    expect(code).not.toMatch(/node:fs|loadScenarioLibrary/)
  })

  it('fails the build with the located problems', async () => {
    await expect(bundle('test/fixtures/scenarios/dangling-answer')).rejects.toThrow(
      'test/fixtures/scenarios/dangling-answer/late-delivery.yaml:5:9  answer: "Project lead" is not one of the choices',
    )
  })

  it('re-validates in dev when a scenario file changes', async () => {
    const dir = join(root, 'scenarios')
    cpSync('test/fixtures/scenarios/valid', dir, { recursive: true })
    const server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: [scenarioLibrary({ dir })], server: { port: 0 } })
    try {
      await server.listen()
      const load = () => server.transformRequest('virtual:scenario-library')
      expect((await load())?.code).toContain('"late-delivery"')

      const file = join(dir, 'late-delivery.yaml')
      writeFileSync(file, readFileSync(file, 'utf8').replace('answer: Project manager', 'answer: Nobody'))
      await vi.waitFor(() => expect(load()).rejects.toThrow('answer: "Nobody" is not one of the choices'), { timeout: 5000, interval: 100 })

      writeFileSync(file, readFileSync(file, 'utf8').replace('answer: Nobody', 'answer: Project manager'))
      await vi.waitFor(async () => expect((await load())?.code).toContain('"late-delivery"'), { timeout: 5000, interval: 100 })
    }
    finally {
      await server.close()
    }
  })
})
