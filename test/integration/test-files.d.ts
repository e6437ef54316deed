// The module scripts/bundle-integration-tests.mjs generates at bundle time.
declare module 'sdd:integration-test-files' {
  export const testFiles: ReadonlyArray<{ readonly file: string; load(): unknown }>;
}
