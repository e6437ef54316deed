// What only an open preview needs: the panels, the HTML rendering, the export and the preview's log.
// The extension build emits this module as its own dist/previewModule.js, loaded on first use through
// loadPreviewModule.ts, so activation does not load the renderer.
export { PreviewManager } from './preview/previewManager';
export { disposePreviewLog, previewLog } from './preview/messageLog';
