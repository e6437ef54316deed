// Stands in for js-yaml/lib/snippet.js in the bundles: no source excerpt in YAML errors (see bundlePlugins.mjs).
module.exports = function makeSnippet() {
  return null;
};
