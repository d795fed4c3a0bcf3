import { existsSync } from 'node:fs'
import process from 'node:process'

/** Environment variables that name a browser binary, checked in this order. */
export const BROWSER_ENV_VARS = ['CHROME_PATH', 'CHROMIUM_PATH'] as const

/** Where Chrome, Chromium and Edge usually live, per platform. */
export const KNOWN_BROWSER_PATHS: Readonly<Partial<Record<NodeJS.Platform, readonly string[]>>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
  ],
  darwin: [
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe',
  ],
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

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError'
}

export interface FindBrowserOptions {
  env?: Record<string, string | undefined>
  platform?: NodeJS.Platform
  exists?: (path: string) => boolean
}

/** Returns the path of a system Chrome/Chromium/Edge, or throws a BrowserNotFoundError that says how to get one. */
export function findBrowser(options: FindBrowserOptions = {}): string {
  const { env = process.env, platform = process.platform, exists = existsSync } = options

  for (const name of BROWSER_ENV_VARS) {
    const value = env[name]?.trim()
    if (!value)
      continue
    if (exists(value))
      return value
    throw new BrowserNotFoundError(
      `${name} is set to "${value}", but no file exists there. `
      + `Point ${name} at a Chrome, Chromium or Edge executable, or unset it to let the kit look in the usual places.`,
    )
  }

  const candidates = KNOWN_BROWSER_PATHS[platform] ?? []
  const found = candidates.find(path => exists(path))
  if (found)
    return found

  throw new BrowserNotFoundError(
    'No Chrome, Chromium or Edge browser was found, and one is needed to render PDFs. '
    + 'Install one — on Debian or Ubuntu: `sudo apt-get install -y chromium`; on macOS or Windows: install Google Chrome — '
    + `or set CHROME_PATH to the browser's executable (looked in: ${candidates.join(', ') || 'no known paths for this platform'}). `
    + 'The kit never downloads a browser of its own.',
  )
}
