import type { ComputedRef } from 'vue'
import { useIsSlideActive, useNav, useSlideContext } from '@slidev/client'
import { computed } from 'vue'

export interface SlideMode {
  /** `slidev export` or the print view: draw a static slide, open no socket. */
  print: ComputedRef<boolean>
  /** The current slide of the presenter view: the only place poll controls appear and act. */
  controls: ComputedRef<boolean>
  /**
   * The presenter view's own slides, current or hidden neighbours (not the next-slide
   * preview or the overview): they save a show of hands once the server is back.
   */
  presenterTab: ComputedRef<boolean>
}

/** Where this instance of a slide is drawn, from Slidev's context. */
export function useSlideMode(): SlideMode {
  const { $renderContext } = useSlideContext()
  const { isPrintMode, isPresenter } = useNav()
  const isActive = useIsSlideActive()
  const print = computed(() => isPrintMode.value)
  const controls = computed(() => !print.value && $renderContext.value === 'presenter' && isActive.value)
  const presenterTab = computed(() => !print.value && isPresenter.value && $renderContext.value === 'presenter')
  return { print, controls, presenterTab }
}
