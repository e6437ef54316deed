// Exit codes shared by every command, and the error that means "the user called us wrongly".

export const EXIT_OK = 0;
/** Findings: errors, too many warnings, wrong estimate claims, broken framework files. */
export const EXIT_PROBLEMS = 1;
/** Usage or I/O error; wins over findings so CI never mistakes "could not check" for "checked". */
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  constructor(
    message: string,
    /** The usage line of the command, shown under the message. */
    readonly usage?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** I/O and usage problems win: a run that could not read everything did not check everything. */
export function checkExitCode(ioErrors: number, errors: number, tooManyWarnings: boolean): number {
  if (ioErrors > 0) return EXIT_USAGE;
  if (errors > 0 || tooManyWarnings) return EXIT_PROBLEMS;
  return EXIT_OK;
}
