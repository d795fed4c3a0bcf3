import { defineMermaidSetup } from '@slidev/types'

// Deck palette, shared with style.css:
// product manager = teal, project manager = amber, shared work = slate, friction = rose.
// Diagrams use `classDef` with these same hex values so colours match across slides.
export default defineMermaidSetup(() => ({
  theme: 'base',
  themeVariables: {
    fontFamily: 'Inter, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontSize: '20px',
    background: '#ffffff',
    primaryColor: '#f1f5f9',
    primaryTextColor: '#0f172a',
    primaryBorderColor: '#475569',
    secondaryColor: '#ccfbf1',
    secondaryTextColor: '#134e4a',
    secondaryBorderColor: '#0f766e',
    tertiaryColor: '#fef3c7',
    tertiaryTextColor: '#78350f',
    tertiaryBorderColor: '#b45309',
    lineColor: '#475569',
    textColor: '#0f172a',
    nodeBorder: '#475569',
    mainBkg: '#f1f5f9',
    clusterBkg: '#f8fafc',
    clusterBorder: '#94a3b8',
    titleColor: '#0f172a',
    edgeLabelBackground: '#ffffff',
  },
  flowchart: {
    htmlLabels: true,
    curve: 'basis',
    padding: 14,
    nodeSpacing: 36,
    rankSpacing: 48,
    // Even boxes: short labels get the same width instead of hugging their text.
    minNodeWidth: 120,
    // Line breaks come from the labels' own <br/>: mermaid's default 200 px broke
    // two-word lines ("Feedback from") at the deck's 20 px font.
    wrappingWidth: 320,
    // Room between a group's title and its frame.
    subGraphTitleMargin: { top: 8, bottom: 8 },
  },
}))
