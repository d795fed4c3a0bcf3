import type { CliMain } from '../../scripts/lib/runMain'
import type { ScriptResult } from './runScript'
import process from 'node:process'
import { runCli } from '../../scripts/lib/runMain'

/**
 * Runs a command's main in this process, as its script would run it (same error
 * handling, same exit code), and collects what it writes. The environment is this
 * process's with `env` on top, as runScript gives a child.
 */
export async function runInProcess(main: CliMain, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ScriptResult> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(main, args, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    env: { ...process.env, ...env },
  })
  return { code, stdout, stderr }
}
