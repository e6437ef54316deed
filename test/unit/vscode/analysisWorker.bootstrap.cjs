// Starts the analysis worker from its TypeScript source, as the unit tests run everything through tsx:
// its require hook for the worker's modules, its import hooks for Mermaid's parser (imported on demand).
// Messages sent meanwhile wait in the port until the worker listens.
require('tsx/cjs');
import('tsx/esm/api').then(({ register }) => {
  register();
  require('../../../src/vscode/analysisWorker.ts');
});
