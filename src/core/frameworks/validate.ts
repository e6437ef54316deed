// Checks a framework definition against the JSON schema (precompiled) and the rules the schema cannot express.
import { validate as schemaValidate, type SchemaError } from '../generated/frameworkValidator';
import { normalizeHeading } from '../headingText';
import { PHASE_KINDS, type FrameworkDef, type FrameworkLoadError } from '../types';

export interface ValidateOptions {
  /** Built-ins must also carry a trade-offs phase (every seed calls trade-offs essential). */
  builtIn?: boolean;
}

/** Returns every problem found; an empty list means `value` is a usable FrameworkDef. */
export function validateFramework(value: unknown, file: string, options: ValidateOptions = {}): FrameworkLoadError[] {
  if (!schemaValidate(value)) {
    return (schemaValidate.errors ?? []).map((error) => schemaErrorToLoadError(error, file, value));
  }
  return semanticErrors(value as FrameworkDef, file, options);
}

/** Rules beyond the schema: unique phase ids, phrasings that still say something after normalisation. */
export function semanticErrors(def: FrameworkDef, file: string, options: ValidateOptions = {}): FrameworkLoadError[] {
  const errors: FrameworkLoadError[] = [];
  const seen = new Map<string, number>();
  def.phases.forEach((phase, index) => {
    const first = seen.get(phase.id);
    if (first !== undefined) {
      errors.push({ file, field: `/phases/${index}/id`, message: `Phase id '${phase.id}' is already used by phase ${first}; phase ids must be unique.` });
    } else {
      seen.set(phase.id, index);
    }
    if (!(PHASE_KINDS as readonly string[]).includes(phase.kind)) {
      errors.push({ file, field: `/phases/${index}/kind`, message: `Unknown kind '${phase.kind}'.` });
    }
    (phase.headings ?? []).forEach((heading, h) => {
      if (normalizeHeading(heading) === '') {
        errors.push({
          file,
          field: `/phases/${index}/headings/${h}`,
          message: `Heading phrasing '${heading}' has no words left after numbering and punctuation are removed.`,
        });
      }
    });
  });
  if (options.builtIn && !def.phases.some((phase) => phase.kind === 'trade-offs' && phase.required)) {
    errors.push({ file, field: '/phases', message: 'A built-in framework needs a required phase of kind "trade-offs".' });
  }
  return errors;
}

function schemaErrorToLoadError(error: SchemaError, file: string, value: unknown): FrameworkLoadError {
  const params = error.params;
  let field = error.instancePath;
  let message = error.message ?? 'is not valid';
  switch (error.keyword) {
    case 'required':
      field = `${field}/${String(params.missingProperty)}`;
      message = `Missing required property '${String(params.missingProperty)}'.`;
      break;
    case 'additionalProperties':
      field = `${field}/${String(params.additionalProperty)}`;
      message = `Unknown property '${String(params.additionalProperty)}'${suggestion(error, params.additionalProperty)}.`;
      break;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [];
      message = `${JSON.stringify(valueAt(value, field))} is not allowed; use one of: ${allowed.join(', ')}.`;
      break;
    }
    case 'pattern':
      message = `${JSON.stringify(valueAt(value, field))} does not match the pattern ${String(params.pattern)}${patternHint(String(params.pattern))}.`;
      break;
    case 'type':
      message = `Must be of type ${String(params.type)}, found ${describeType(valueAt(value, field))}.`;
      break;
    default:
      message = `Value ${message}.`;
  }
  return { file, field: field === '' ? '/' : field, message };
}

const KNOWN_PROPERTIES: Record<string, string[]> = {
  '#/additionalProperties': ['$schema', 'id', 'title', 'description', 'source', 'phases'],
  '#/definitions/phase/additionalProperties': ['id', 'title', 'kind', 'headings', 'required', 'needs', 'minutes', 'description', 'template'],
};

function suggestion(error: SchemaError, property: unknown): string {
  const known = KNOWN_PROPERTIES[error.schemaPath];
  if (!known) return '';
  const name = String(property).toLowerCase();
  const close = known.find((k) => k.startsWith(name) || name.startsWith(k) || name === `${k}s` || `${name}s` === k);
  return close ? ` (did you mean '${close}'?)` : `; known properties: ${known.join(', ')}`;
}

function patternHint(pattern: string): string {
  if (pattern.startsWith('^[a-z0-9]')) return ' (lower-case letters, digits and dashes)';
  return ' (it must not be blank)';
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** Reads a JSON pointer (`/phases/2/kind`) out of a parsed value. */
function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let current: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
