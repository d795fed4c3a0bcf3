import { spawn } from 'node:child_process'
import process from 'node:process'
import { KIT_ROOT } from '../../lib/kitPaths'

export interface ScriptResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs one of the kit's TypeScript scripts with tsx, as `npm run` would, and collects its output. */
export function runScript(script: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, timeoutMs = 200_000): Promise<ScriptResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: KIT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', code => resolve({ code, stdout, stderr }))
  })
}
