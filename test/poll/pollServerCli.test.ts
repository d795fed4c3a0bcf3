import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { describe, expect, it } from 'vitest'
import { parsePollServerArgs } from '../../scripts/lib/pollServerCli'
import { runScript } from '../support/runScript'
import { startChildServer } from './support/childServer'

describe('poll server flags', () => {
  it('reads flags, falling back to POLL_* variables', () => {
    const options = parsePollServerArgs(['--port', '4000', '--allow-origin', 'https://a.example/', '--allow-origin', 'https://b.example:8443'], {
      POLL_HOST: '127.0.0.1',
      POLL_ALLOWED_ORIGINS: 'https://c.example, https://d.example',
      POLL_SESSION: 'team-a',
    })
    expect(options).toMatchObject({ host: '127.0.0.1', port: 4000, session: 'team-a', showToken: false })
    expect(options.allowOrigins).toEqual(['https://a.example', 'https://b.example:8443', 'https://c.example', 'https://d.example'])
  })

  it.each([
    [['--port', 'abc'], '--port "abc" must be a whole number'],
    [['--port', '70000'], 'from 0 to 65535'],
    [['--allow-origin', 'decks.example.com'], 'is not an origin'],
    [['--session', '../../etc'], 'may use only letters'],
    [['--public-url', 'ftp://x'], 'is not an http(s) URL'],
  ])('refuses %j with a message that says what to do', (args, message) => {
    expect(() => parsePollServerArgs(args, {})).toThrow(message)
  })
})

describe('npm run poll-server', () => {
  it('prints its flags with --help', async () => {
    const { code, stdout } = await runScript('scripts/poll-server.ts', ['--help'], {}, 15_000)
    expect(code).toBe(0)
    for (const flag of ['--host', '--port', '--data-dir', '--allow-origin', '--session', '--scenarios', '--public-url', 'POLL_ALLOWED_ORIGINS'])
      expect(stdout).toContain(flag)
  })

  it('stops with one line when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const dataDir = mkdtempSync(join(tmpdir(), 'poll-cli-'))
    try {
      const { code, stderr } = await runScript('scripts/poll-server.ts', ['--host', '127.0.0.1', '--port', String(port), '--data-dir', dataDir], {}, 15_000)
      expect(code).toBe(1)
      expect(stderr.trim()).toBe(`✖ Port ${port} is already in use: is another poll server running? Stop it, or pick another port with --port.`)
    }
    finally {
      blocker.close()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  // POSIX only: on Windows child.kill('SIGINT') terminates the process outright; the
  // Windows console signals are covered in stopSignals.test.ts.
  it.runIf(process.platform !== 'win32')('prints the join URL, code and a QR code, and exits cleanly on SIGINT', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'poll-cli-'))
    try {
      const server = await startChildServer(dataDir)
      expect(server.output()).toMatch(/Join: {2}http:\/\/127\.0\.0\.1:\d+\/[A-Z2-9]{5}/)
      expect(server.output()).toContain('█')
      expect(server.output()).not.toContain(server.token)
      server.child.kill('SIGINT')
      expect(await server.exited).toBe(0)
      expect(server.output()).toContain('Poll server stopped.')
    }
    finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('has npm start help that names the deck port', async () => {
    const { code, stdout } = await runScript('scripts/start.ts', ['--help'], {}, 15_000)
    expect(code).toBe(0)
    expect(stdout).toContain('--deck-port')
  })
})

describe('npm start', () => {
  it('stops the deck and exits with the poll server\'s reason when the poll server cannot start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'start-cli-'))
    try {
      writeFileSync(join(dataDir, 'polls.sqlite'), '')
      const { code, stdout, stderr } = await runScript('scripts/start.ts', ['--host', '127.0.0.1', '--port', '0', '--deck-port', '0', '--data-dir', dataDir], { BROWSER: 'none' }, 60_000)
      expect(code).toBe(1)
      expect(stderr).toMatch(/polls\.sqlite is empty \(0 bytes\) although it exists/)
      expect(stdout).toContain('Stopped the poll server and the deck.')
      // The damaged file is kept for recovery, untouched.
      expect(readFileSync(join(dataDir, 'polls.sqlite'), 'utf8')).toBe('')
    }
    finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
