// Loads inProcessAnalysis.ts on first use; scripts/build.mjs points this require at dist/inProcessAnalysis.js.
import type * as InProcessAnalysis from './inProcessAnalysis';

let loaded: typeof InProcessAnalysis | undefined;

export function inProcessAnalysis(): typeof InProcessAnalysis {
  return (loaded ??= require('./inProcessAnalysis') as typeof InProcessAnalysis);
}
