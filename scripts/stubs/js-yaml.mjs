// Build-time entry for js-yaml (see scripts/build.mjs): the loader only. The package's ESM file keeps
// the dumper alive (its export object reads `dumper.dump`); src/core/frontMatter.ts only ever loads.
import loader from 'js-yaml/lib/loader.js';
import YAMLException from 'js-yaml/lib/exception.js';
import JSON_SCHEMA from 'js-yaml/lib/schema/json.js';

export const load = loader.load;
export { JSON_SCHEMA, YAMLException };
