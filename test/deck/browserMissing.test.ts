import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { browserCandidates, findBrowser } from '../../lib/findBrowser'
import { UserFacingError } from '../../lib/userFacingError'
import { exportMain } from '../../scripts/lib/exportCli'
import { runInProcess } from '../support/runInProcess'
import { runScript } from '../support/runScript'

describe('finding a browser for PDF export', () => {
  it('uses CHROME_PATH when it points at a file', () => {
    const path = findBrowser({ env: { CHROME_PATH: '/opt/chrome/chrome' }, platform: 'linux', exists: p => p === '/opt/chrome/chrome' })
    expect(path).toBe('/opt/chrome/chrome')
  })

  it('prefers the env var over the usual places', () => {
    const path = findBrowser({ env: { CHROMIUM_PATH: '/custom/chromium' }, platform: 'linux', exists: () => true })
    expect(path).toBe('/custom/chromium')
  })

  it('looks in the usual places for the platform', () => {
    const path = findBrowser({ env: {}, platform: 'darwin', exists: p => p.includes('Chromium.app') })
    expect(path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium')
  })

  it('finds a per-user Chrome on Windows through %LOCALAPPDATA%, and Program Files on any drive', () => {
    const env = { 'LOCALAPPDATA': 'D:\\Users\\ana\\AppData\\Local', 'PROGRAMFILES': 'E:\\Program Files', 'PROGRAMFILES(X86)': 'E:\\Program Files (x86)' }
    const candidates = browserCandidates('win32', env, 'D:\\Users\\ana')
    expect(candidates).toContain('D:\\Users\\ana\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe')
    expect(candidates).toContain('E:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')
    expect(candidates).toContain('E:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe')
    expect(candidates.some(path => path.startsWith('C:'))).toBe(false)
    expect(findBrowser({ env, platform: 'win32', home: 'D:\\Users\\ana', exists: path => path === 'E:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe' }))
      .toBe('E:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe')
  })

  it('falls back to the default Program Files folders when Windows does not name them', () => {
    expect(browserCandidates('win32', {}, 'C:\\Users\\ana')).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe')
  })

  it('looks in ~/Applications on macOS after /Applications', () => {
    const candidates = browserCandidates('darwin', {}, '/Users/ana')
    expect(candidates.indexOf('/Users/ana/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))
      .toBeGreaterThan(candidates.indexOf('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'))
  })

  it('knows Google\'s /opt build, Snap and Flatpak installs on Linux', () => {
    const candidates = browserCandidates('linux', {}, '/home/ana')
    expect(candidates).toEqual(expect.arrayContaining([
      '/opt/google/chrome/chrome',
      '/snap/bin/chromium',
      '/var/lib/flatpak/exports/bin/org.chromium.Chromium',
      '/home/ana/.local/share/flatpak/exports/bin/com.google.Chrome',
    ]))
    expect(candidates[0]).toBe('/usr/bin/chromium')
  })

  it('says how to install a browser when none is found', () => {
    expect(() => findBrowser({ env: {}, platform: 'linux', exists: () => false }))
      .toThrowError(UserFacingError)
    expect(() => findBrowser({ env: {}, platform: 'linux', exists: () => false }))
      .toThrowError(/No Chrome, Chromium or Edge browser was found.*apt-get install -y chromium.*CHROME_PATH/)
  })

  it('names the env var when it points nowhere', () => {
    expect(() => findBrowser({ env: { CHROME_PATH: '/nowhere/chrome' }, platform: 'linux', exists: () => false }))
      .toThrowError('CHROME_PATH is set to "/nowhere/chrome", but no file exists there.')
  })

  it('makes npm run export fail with the documented message, not a stack trace', async () => {
    const result = await runInProcess(exportMain, ['--output', join(tmpdir(), 'never-written.pdf')], { CHROME_PATH: '/nowhere/chrome' })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('✖ CHROME_PATH is set to "/nowhere/chrome", but no file exists there. Point CHROME_PATH at a Chrome, Chromium or Edge executable, or unset it to let the kit look in the usual places.\n')
    expect(result.stdout).toBe('')
  })

  // The one run of the real script: its exit code, and no stack trace.
  it('rejects an unknown flag with a one-line message', async () => {
    const result = await runScript('scripts/export.ts', ['--ouptut', 'x.pdf'])
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/^✖ Unknown option '--ouptut'/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
