// @vitest-environment happy-dom
// The presenter's V, C and R as setup/shortcuts.ts hands them to Slidev: a key counts only
// when it went down alone, and it acts only through the slide that registered.
import type { NavOperations, ShortcutOptions } from '@slidev/types'
import type { Ref } from 'vue'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { registerPollShortcuts } from '../../composables/usePollShortcuts'
import setupShortcuts from '../../setup/shortcuts'

const shortcuts = setupShortcuts({} as NavOperations, [] as ShortcutOptions[])
const poll = (name: string) => shortcuts.find(shortcut => shortcut.name === `poll_${name}`)!
const down = (name: string) => poll(name).key as Ref<boolean>

function press(type: 'keydown' | 'keyup', key: string, modifiers: KeyboardEventInit = {}) {
  window.dispatchEvent(new KeyboardEvent(type, { key, ...modifiers }))
}

afterEach(() => {
  for (const name of ['open', 'close', 'reveal'])
    down(name).value = false
})

describe('the poll keys', () => {
  it('are V, C and R, held while down', () => {
    expect(shortcuts.map(shortcut => shortcut.name)).toEqual(['poll_open', 'poll_close', 'poll_reveal'])
    press('keydown', 'c')
    expect(down('close').value).toBe(true)
    expect(down('open').value).toBe(false)
    press('keyup', 'c')
    expect(down('close').value).toBe(false)
    press('keydown', 'V')
    expect(down('open').value).toBe(true)
  })

  it('ignore a key pressed with Ctrl, even when Ctrl is let go first', () => {
    press('keydown', 'Control', { ctrlKey: true })
    press('keydown', 'c', { ctrlKey: true })
    press('keyup', 'Control')
    expect(down('close').value).toBe(false)
  })

  it('let go when the window loses focus', () => {
    press('keydown', 'r')
    window.dispatchEvent(new Event('blur'))
    expect(down('reveal').value).toBe(false)
  })

  it('act through the registered slide only', () => {
    const handler = vi.fn()
    const unregister = registerPollShortcuts(handler)
    poll('reveal').fn!()
    expect(handler).toHaveBeenCalledWith('reveal')
    unregister()
    poll('reveal').fn!()
    expect(handler).toHaveBeenCalledTimes(1)
  })
})
