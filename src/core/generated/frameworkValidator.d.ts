// Types for the validator that scripts/gen-validators.mjs compiles from schemas/framework.schema.json.
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export declare const validate: SchemaValidator;
export default validate;
