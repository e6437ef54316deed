// The preview's webview type: registered at activation (the panel serializer), used by the lazily loaded panel code.
export const PREVIEW_VIEW_TYPE = 'systemDesign.preview';
