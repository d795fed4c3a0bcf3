import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { posix, win32 } from 'node:path'
import process from 'node:process'
import { UserFacingError } from './userFacingError'

/** Environment variables that name a browser binary, checked in this order. */
export const BROWSER_ENV_VARS = ['CHROME_PATH', 'CHROMIUM_PATH'] as const

type Env = Record<string, string | undefined>

/**
 * Where Chrome, Chromium and Edge usually live on this platform, most common first:
 * system-wide and per-user installs (Chrome installs into %LOCALAPPDATA% on Windows
 * when the user is not an administrator, and into ~/Applications on macOS when asked),
 * and on Linux distribution packages, Google's /opt builds, Snap and Flatpak.
 */
export function browserCandidates(platform: NodeJS.Platform, env: Env, home: string): string[] {
  if (platform === 'win32') {
    // Read the folders from the environment: Windows need not live on C:.
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.ProgramW6432]
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Chromium\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe']
    const unique = [...new Set(roots.filter((root): root is string => Boolean(root)))]
    return apps.flatMap(app => unique.map(root => win32.join(root, app)))
  }
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge']
    return apps.flatMap(app => [posix.join('/Applications', app), posix.join(home, 'Applications', app)])
  }
  if (platform === 'linux') {
    const flatpakApps = ['org.chromium.Chromium', 'com.google.Chrome', 'com.microsoft.Edge']
    return [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/usr/bin/microsoft-edge-stable',
      '/opt/google/chrome/chrome',
      '/opt/microsoft/msedge/msedge',
      '/snap/bin/chromium',
      ...flatpakApps.map(app => posix.join('/var/lib/flatpak/exports/bin', app)),
      ...flatpakApps.map(app => posix.join(home, '.local/share/flatpak/exports/bin', app)),
    ]
  }
  return []
}

/**
 * Flags for a headless browser on a locked-down machine: no sandbox when running as
 * root (CI), and no background calls home, which fail on an offline venue network.
 */
export const HEADLESS_BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
] as const

export interface FindBrowserOptions {
  env?: Env
  platform?: NodeJS.Platform
  home?: string
  exists?: (path: string) => boolean
}

/** Returns the path of a system Chrome/Chromium/Edge, or throws a UserFacingError that says how to get one. */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const { env = process.env, platform = process.platform, exists = existsSync, home = homedir() } = options

  for (const name of BROWSER_ENV_VARS) {
    const value = env[name]?.trim()
    if (!value)
      continue
    if (exists(value))
      return value
    throw new UserFacingError(
      `${name} is set to "${value}", but no file exists there. `
      + `Point ${name} at a Chrome, Chromium or Edge executable, or unset it to let the kit look in the usual places.`,
    )
  }

  const candidates = browserCandidates(platform, env, home)
  const found = candidates.find(path => exists(path))
  if (found)
    return found

  throw new UserFacingError(
    'No Chrome, Chromium or Edge browser was found, and one is needed to render PDFs. '
    + 'Install one — on Debian or Ubuntu: `sudo apt-get install -y chromium`; on macOS or Windows: install Google Chrome — '
    + `or set CHROME_PATH to the browser's executable (looked in: ${candidates.join(', ') || 'no known paths for this platform'}). `
    + 'The kit never downloads a browser of its own.',
  )
}
