// ANSI styling that collapses to plain text when colors are off.

export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
  underline(text: string): string;
}

const style = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const ANSI: Colors = {
  red: style(31, 39),
  yellow: style(33, 39),
  green: style(32, 39),
  cyan: style(36, 39),
  dim: style(2, 22),
  bold: style(1, 22),
  underline: style(4, 24),
};

const same = (text: string) => text;
const PLAIN: Colors = { red: same, yellow: same, green: same, cyan: same, dim: same, bold: same, underline: same };

export function colors(enabled: boolean): Colors {
  return enabled ? ANSI : PLAIN;
}

/** Width as the terminal shows it: escape codes take no room. */
export function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return [...text.replace(/\u001b\[\d+m/g, '')].length;
}

export function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

export function padStart(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - visibleLength(text))) + text;
}
