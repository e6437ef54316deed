// dist/yamlLoader.js: the YAML loader the extension loads on the first front matter (see js-yaml.mjs).
export { load, JSON_SCHEMA, YAMLException } from './js-yaml.mjs';
