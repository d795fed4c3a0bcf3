// The few public @slidev/client APIs the deck's components use, for type checking only.
// The package ships TypeScript source that does not compile under this project's
// strict settings, so tsconfig.json points vue-tsc here instead (Vite still bundles the
// real package). Keep in step with @slidev/client 52.20.
import type { RenderContext, SlidevConfig } from '@slidev/types'
import type { ComputedRef, Ref } from 'vue'

/** The deck's resolved headmatter; custom keys (like `pollServer`) are kept as they are. */
export declare const configs: SlidevConfig & { slidesTitle: string } & Record<string, unknown>

export declare function useNav(): {
  /** Rendering for `slidev export` or the print view (`?print`). */
  isPrintMode: ComputedRef<boolean>
  /** The route is the presenter view. */
  isPresenter: ComputedRef<boolean>
  currentSlideNo: ComputedRef<number>
}

export declare function useSlideContext(): {
  /** Where this slide instance is drawn: the main slide, the presenter view, a preview or the overview. */
  $renderContext: Ref<RenderContext>
  $page: Ref<number>
}

/** True while this slide is the current one (a preloaded, hidden neighbour is not). */
export declare function useIsSlideActive(): ComputedRef<boolean>
