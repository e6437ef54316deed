// What only a workspace with team framework files or a config file needs: parsing and schema validation
// (the generated validator), placing each error in the JSON text, and reading .sysdesign/config.jsonc
// (jsonc-parser). The extension build emits this
// module as its own dist/frameworkFiles.js, loaded on first use through loadFrameworkFiles.ts.
export { addWorkspaceFiles } from '../core/frameworks/workspaceFiles';
export { locateLoadError, locateLoadErrors } from './jsonLocation';
export { readProjectConfig, resolveConfigFile } from '../core/config/findConfig';
