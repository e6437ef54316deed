// Stands in for VS Code's webview host: records what the preview posts and every CSP violation.
window.__posted = [];
window.__violations = [];
window.__inertParseReports = [];
window.__state = undefined;

// Chrome checks inline handlers against the CSP when a sanitizer merely parses hostile markup into an inert
// DOMParser document (nothing can run there). Routing that parse through this file gives those reports a
// known source location, so they can be told apart from violations in the live page.
const STUB_URL = document.currentScript ? document.currentScript.src : import.meta.url;
const originalParse = DOMParser.prototype.parseFromString;
DOMParser.prototype.parseFromString = function (markup, type) {
  return originalParse.call(this, markup, type);
};

document.addEventListener('securitypolicyviolation', (e) => {
  const record = { directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: `${e.sourceFile}:${e.lineNumber}` };
  if (e.sourceFile === STUB_URL) window.__inertParseReports.push(record);
  else window.__violations.push(record);
});
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
  getState: () => window.__state,
  setState: (state) => {
    window.__state = state;
  },
});
