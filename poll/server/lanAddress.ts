import type { NetworkInterfaceInfo } from 'node:os'
import { networkInterfaces } from 'node:os'

// Virtual adapters (containers, VMs, VPNs) that phones in the room cannot reach.
const VIRTUAL_INTERFACE = /^(?:docker|br-|veth|virbr|vmnet|vboxnet|utun|tun|tap|zt|wg|tailscale)/i

function isPrivate(address: string): boolean {
  return /^(?:10\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/.test(address)
}

/**
 * This machine's IPv4 addresses that phones on the same network can reach, best first:
 * private ranges on physical adapters before anything else.
 */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces()): string[] {
  const found: { address: string, score: number }[] = []
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal || info.address.startsWith('169.254.'))
        continue
      const score = (VIRTUAL_INTERFACE.test(name) ? 2 : 0) + (isPrivate(info.address) ? 0 : 1)
      found.push({ address: info.address, score })
    }
  }
  return found.sort((a, b) => a.score - b.score).map(entry => entry.address)
}
