// Extension-bundle stand-in for js-yaml (scripts/bundlePlugins.mjs): documents without front matter never
// need the YAML loader, so it loads from dist/yamlLoader.js on the first front matter instead of at
// activation. `load`, `JSON_SCHEMA` and `instanceof YAMLException` behave as the real ones.
let real;
const yaml = () => (real ??= require('./yamlLoader.js'));
// A stand-in the real schema replaces when it is passed to load().
const JSON_SCHEMA = { lazy: 'json-schema' };
exports.JSON_SCHEMA = JSON_SCHEMA;
exports.load = (text, options) =>
  yaml().load(text, options && options.schema === JSON_SCHEMA ? { ...options, schema: yaml().JSON_SCHEMA } : options);
exports.YAMLException = class YAMLException {
  static [Symbol.hasInstance](value) {
    return value instanceof yaml().YAMLException;
  }
};
