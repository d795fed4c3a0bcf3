// Stands in for @slidev/client in the component tests: `slide` says where Slidev draws
// this instance, and the tests move it between the projector, the presenter view,
// previews and print. Each test file mocks @slidev/client with this module.
import { computed, ref } from 'vue'

export const slide = { renderContext: 'slide', print: false, presenter: false, active: true }

export const configs = {}
export const useSlideContext = () => ({ $renderContext: computed(() => slide.renderContext), $page: ref(4) })
export const useNav = () => ({ isPrintMode: computed(() => slide.print), isPresenter: computed(() => slide.presenter), currentSlideNo: ref(4) })
export const useIsSlideActive = () => computed(() => slide.active)
