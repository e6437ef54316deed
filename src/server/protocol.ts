// The language server's own requests and commands: one contract for the server and its clients (the
// extension, editor setups in the README, tests).

/** `systemDesign/checklist`: the framework, each phase's status and the capacity summary of a document. */
export const CHECKLIST_REQUEST = 'systemDesign/checklist';

export interface ChecklistParams {
  uri: string;
}

/** Replaces the `?` on a line with its computed value: arguments `[uri, line]` (0-based line). */
export const FILL_ESTIMATE_COMMAND = 'systemDesign.fillEstimate';
/** Moves the cursor to an estimate line (its hover explains the value): arguments `[uri, line]`. */
export const SHOW_ESTIMATE_COMMAND = 'systemDesign.showEstimate';

/** The code action kind of "Fix all System Design problems" (on save: `source.fixAll`). */
export const FIX_ALL_KIND = 'source.fixAll.systemDesign';
