// What only a workspace with team framework files needs: parsing and schema validation (the generated
// validator) and placing each error in the JSON text (jsonc-parser). The extension build emits this
// module as its own dist/frameworkFiles.js, loaded on first use through loadFrameworkFiles.ts.
export { addWorkspaceFiles } from '../core/frameworks/workspaceFiles';
export { locateLoadError, locateLoadErrors } from './jsonLocation';
