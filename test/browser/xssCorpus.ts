// Hostile inputs for the preview. Each payload, if it ever ran, would call window.__pwned() or alert().
// `markdown`: goes through the real renderer. `mermaid`: a diagram body. `block`/`phaseBar`: raw HTML a
// compromised host could send, to prove the webview's own DOMPurify layer holds without markdown-it's escaping.

export type PayloadKind = 'markdown' | 'mermaid' | 'mermaid-actor-links' | 'block' | 'phaseBar' | 'math';

export interface Payload {
  kind: PayloadKind;
  text: string;
}

const P = '__pwned()';

const rawHtml = [
  `<script>${P}</script>`,
  `<img src=x onerror="${P}">`,
  `<svg onload="${P}"></svg>`,
  `<iframe src="javascript:${P}"></iframe>`,
  `<iframe srcdoc="<script>parent.${P}</script>"></iframe>`,
  `<details open ontoggle="${P}">x</details>`,
  `<body onload="${P}">`,
  `<video><source onerror="${P}"></video>`,
  `<audio src=x onerror="${P}"></audio>`,
  `<input autofocus onfocus="${P}">`,
  `<select autofocus onfocus="${P}"></select>`,
  `<textarea autofocus onfocus="${P}"></textarea>`,
  `<marquee onstart="${P}">x</marquee>`,
  `<object data="javascript:${P}"></object>`,
  `<embed src="javascript:${P}">`,
  `<a href="javascript:${P}">click</a>`,
  `<a href="  javascript:${P}">spaced</a>`,
  `<form action="javascript:${P}"><button>go</button></form>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="${P}">`,
  `<noscript><p title="</noscript><img src=x onerror=${P}>">`,
  `<style>@import 'javascript:${P}';</style>`,
  `<div style="background:url(javascript:${P})">bg</div>`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P}">`,
  `<base href="javascript:${P}//">`,
  `<link rel="import" href="data:text/html,<script>${P}</script>">`,
  `<img src="x" onerror="alert(1)">`,
  `<script>alert(document.domain)</script>`,
  `<svg><script>${P}</script></svg>`,
  `<svg><animate onbegin="${P}" attributeName="x" dur="1s"/></svg>`,
  `<svg><set attributeName="onmouseover" to="${P}"/></svg>`,
  `<svg><a xlink:href="javascript:${P}"><text y="20">svg link</text></a></svg>`,
  `<svg><foreignObject><img src=x onerror="${P}"></foreignObject></svg>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror='${P}'/></svg>#x"/></svg>`,
  `<img src=x:x onerror=${P}>`,
  `<xss onafterscriptexecute="${P}"><script>1</script>`,
  `<template><img src=x onerror="${P}"></template>`,
  `<img srcset="x" onerror="${P}">`,
  `<isindex type=image src=1 onerror=${P}>`,
  `<image src=x onerror=${P}>`,
  `<table background="javascript:${P}"><tr><td>t</td></tr></table>`,
];

const clobbering = [
  `<img name="getElementById" src="x">`,
  `<form id="sd-content"><input name="children"></form>`,
  `<a id="__posted" href="#">a</a>`,
  `<img name="acquireVsCodeApi">`,
  `<form name="body"><input name="classList"></form>`,
  `<a id="CSS" name="escape" href="#">css</a>`,
  `<img name="cookie">`,
  `<form id="x"><input name="attributes"></form>`,
  `<div id="sd-phasebar">clobber</div>`,
  `<embed name="querySelector">`,
];

// Math drawn by KaTeX (trust off): commands that would make links, ids, classes or raw HTML.
const math = [
  `$\\href{javascript:${P}}{click}$`,
  `$$\\url{javascript:${P}}$$`,
  `$\\htmlId{sd-content}{x}$ $\\htmlClass{sd-menu}{y}$ $\\htmlStyle{position:fixed}{z}$ $\\htmlData{x=1}{w}$`,
  `$\\includegraphics{javascript:${P}}$`,
  `$$\n\\text{<img src=x onerror=${P}>} = \\sim 1\n$$`,
  `$\\def\\a{\\a\\a}\\a$`,
  `$x</math><img src=x onerror=${P}><math>$`,
  '```math\n\\href{javascript:' + P + '}{fence}\n```',
];

const markdownOnly = [
  `[a](javascript:${P})`,
  `[b](JaVaScRiPt:${P})`,
  `[c](java\tscript:${P})`,
  `[d](vbscript:msgbox(1))`,
  `[e](data:text/html;base64,PHNjcmlwdD5fX3B3bmVkKCk8L3NjcmlwdD4=)`,
  `[f](command:workbench.action.terminal.new)`,
  `[g](vscode:extension/evil.evil)`,
  `[h](file:///etc/passwd)`,
  `<javascript:${P}>`,
  `![i](javascript:${P})`,
  `[j](&#106;avascript:${P})`,
  `[k][ref]\n\n[ref]: javascript:${P}`,
  `[l](%6A%61%76%61script:${P})`,
  `[m](\\u006Aavascript:${P})`,
  `[n](command:_workbench.downloadResource?%5B%22x%22%5D)`,
  `[o](vscode-webview://x/index.html)`,
  `[p](javascript&colon;${P})`,
  `# Heading <img src=x onerror=${P}>`,
  `| a | <script>${P}</script> |\n|---|---|\n| <img src=x onerror=${P}> | b |`,
  '```html\n<script>__pwned()</script>\n```',
  '```estimate\n<img src=x onerror=__pwned()> = 5\n```',
  `> <iframe src="javascript:${P}">`,
  `- [ ] <svg onload=${P}>`,
  `[q](<javascript:${P}>)`,
  `[r]( javascript:${P} )`,
];

const mermaid = [
  `flowchart TD\n  A["<img src=x onerror=${P}>"] --> B`,
  `flowchart TD\n  A["<script>${P}</script>"] --> B`,
  `flowchart TD\n  A --> B\n  click A href "javascript:${P}"`,
  `flowchart TD\n  A --> B\n  click A call ${P}`,
  `flowchart TD\n  A --> B\n  click A __pwned "tip"`,
  `flowchart TD\n  A --> B\n  click B "javascript:${P}" "tooltip"`,
  `flowchart TD\n  A:::x --> B\n  classDef x fill:#f00,stroke:url(javascript:${P})`,
  `flowchart TD\n  A --> B\n  style A fill:#f00;background:url(javascript:${P})`,
  `%%{init: {"securityLevel": "loose"}}%%\nflowchart TD\n  A --> B\n  click A call __pwned()`,
  `%%{init: {"securityLevel": "loose", "htmlLabels": true}}%%\nflowchart TD\n  A["<img src=x onerror=${P}>"]`,
  `%%{init: {"themeCSS": "} * { background: url(javascript:${P}) } {"}}%%\nflowchart TD\n  A --> B`,
  `%%{init: {"fontFamily": "x</style><img src=x onerror=${P}>"}}%%\nflowchart TD\n  A --> B`,
  `%%{init: {"flowchart": {"htmlLabels": true}}}%%\nflowchart TD\n  A["<img src=x onerror=${P}>"] --> B`,
  `%%{init: {"dompurifyConfig": {"ADD_TAGS": ["script"], "ADD_ATTR": ["onerror"]}}}%%\nflowchart TD\n  A["<img src=x onerror=${P}>"]`,
  `%%{init: {"startOnLoad": true, "secure": []}}%%\nflowchart TD\n  A --> B`,
  `%%{init: {"theme": "base", "themeVariables": {"primaryColor": "red;}</style><script>${P}</script>"}}}%%\nflowchart TD\n  A --> B`,
  `%%{init: {"maxTextSize": 1}}%%\nflowchart TD\n  A --> B`,
  `sequenceDiagram\n  A->>B: <img src=x onerror=${P}>\n  Note over A: <script>${P}</script>`,
  `sequenceDiagram\n  participant A as <img src=x onerror=${P}>\n  A->>A: hi`,
  `classDiagram\n  class A{\n    +<img src=x onerror=${P}>\n  }\n  click A href "javascript:${P}"`,
  `classDiagram\n  class A\n  callback A "__pwned" "tip"`,
  `classDiagram\n  class A\n  link A "javascript:${P}"`,
  `erDiagram\n  A ||--o{ B : "<img src=x onerror=${P}>"`,
  `stateDiagram-v2\n  [*] --> A: <img src=x onerror=${P}>`,
  `gantt\n  title <img src=x onerror=${P}>\n  section S\n  Task :a1, 2024-01-01, 3d\n  click a1 href "javascript:${P}"`,
  `gantt\n  section S\n  Task :a1, 2024-01-01, 3d\n  click a1 call __pwned()`,
  `pie title <script>${P}</script>\n  "a" : 1\n  "<img src=x onerror=${P}>" : 2`,
  `journey\n  title <img src=x onerror=${P}>\n  section S\n    Do: 5: Me`,
  `mindmap\n  root((<img src=x onerror=${P}>))\n    child`,
  `timeline\n  title <svg onload=${P}>\n  2024 : <img src=x onerror=${P}>`,
  `flowchart TD\n  A["<a href='javascript:${P}'>x</a>"] --> B`,
  `flowchart TD\n  A["<iframe src='javascript:${P}'></iframe>"] --> B`,
  `flowchart TD\n  A[\`**<img src=x onerror=${P}>**\`] --> B`,
  `flowchart TD\n  A["&lt;img src=x onerror=${P}&gt;"] --> B`,
  `flowchart TD\n  A["#lt;img src=x onerror=${P}#gt;"] --> B`,
  `flowchart TD\n  subgraph S["<img src=x onerror=${P}>"]\n    A\n  end`,
  `flowchart TD\n  A -- "<img src=x onerror=${P}>" --> B`,
  `flowchart TD\n  A@{ shape: rect, label: "<img src=x onerror=${P}>" }`,
];

/**
 * Sequence-diagram actor links: Mermaid itself writes an inline `onclick` (its popup menu) into the live DOM
 * while rendering. The CSP blocks it and DOMPurify strips it from the result, so these are tested apart.
 */
export const MERMAID_ACTOR_LINKS = [
  `sequenceDiagram\n  participant A\n  link A: Evil @ javascript:${P}`,
  `sequenceDiagram\n  participant A\n  links A: {"Evil": "javascript:${P}"}`,
  `sequenceDiagram\n  participant A\n  link A: Docs @ https://example.com/docs`,
];

export const XSS_CORPUS: Payload[] = [
  ...math.map((text) => ({ kind: 'math' as const, text })),
  ...rawHtml.map((text) => ({ kind: 'markdown' as const, text })),
  ...markdownOnly.map((text) => ({ kind: 'markdown' as const, text })),
  ...mermaid.map((text) => ({ kind: 'mermaid' as const, text })),
  ...MERMAID_ACTOR_LINKS.map((text) => ({ kind: 'mermaid-actor-links' as const, text })),
  ...rawHtml.map((text) => ({ kind: 'block' as const, text })),
  ...clobbering.map((text) => ({ kind: 'block' as const, text })),
  ...rawHtml.slice(0, 12).map((text) => ({ kind: 'phaseBar' as const, text })),
];
