// Stands in for VS Code's webview host: records what the preview posts and every CSP violation.
window.__posted = [];
window.__violations = [];
window.__state = undefined;
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample });
});
window.acquireVsCodeApi = () => ({
  postMessage: (message) => window.__posted.push(JSON.parse(JSON.stringify(message))),
  getState: () => window.__state,
  setState: (state) => {
    window.__state = state;
  },
});
