// Starts the analysis worker from its TypeScript source, as the unit tests run everything through tsx.
require('tsx/cjs');
require('../../../src/vscode/analysisWorker.ts');
