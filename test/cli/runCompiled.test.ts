import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { afterEach, describe, expect, it } from 'vitest'
import { KIT_ROOT } from '../../lib/kitPaths'

// A throwaway entry point and a module it imports, inside the kit (the runner compiles kit files).
const id = randomBytes(4).toString('hex')
const entry = join(KIT_ROOT, 'test/cli', `.entry-${id}.ts`)
const dependency = join(KIT_ROOT, 'test/cli', `.dependency-${id}.ts`)
const cache = join(KIT_ROOT, 'node_modules/.cache/pm-workshop-kit')
afterEach(() => {
  for (const file of [entry, dependency, join(cache, `.entry-${id}.mjs`), join(cache, `.entry-${id}.inputs.json`)])
    rmSync(file, { force: true })
})

function run(...args: string[]): string {
  return execFileSync(process.execPath, [join(KIT_ROOT, 'scripts/lib/runCompiled.mjs'), entry, ...args], { cwd: KIT_ROOT, encoding: 'utf8' })
}

describe('the compiled runner', () => {
  it('runs a TypeScript entry with its arguments, and rebuilds it when an imported module changes', () => {
    writeFileSync(dependency, 'export const word: string = \'first\'\n')
    writeFileSync(entry, `import process from 'node:process'\nimport { word } from './.dependency-${id}'\nconsole.log(word, process.argv.slice(2).join(' '))\n`)
    expect(run('a', 'b').trim()).toBe('first a b')
    expect(run().trim()).toBe('first')
    // A different size, so the change shows even where file times are coarse.
    writeFileSync(dependency, 'export const word: string = \'second, changed\'\n')
    expect(run().trim()).toBe('second, changed')
  })
})
