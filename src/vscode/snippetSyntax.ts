// A parser for VS Code's snippet syntax (tab stops, placeholders, choices, variables): checks a body is
// well-formed and yields the text it inserts with default values.

export interface SnippetParse {
  /** The inserted text with placeholders at their defaults and variables empty. */
  text: string;
  /** Tab stop numbers in order of appearance. */
  tabStops: number[];
  /** Variable names used. */
  variables: string[];
  errors: string[];
}

/** Variables VS Code resolves in snippets (a subset; others would insert their own name). */
const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

export function parseSnippet(body: string): SnippetParse {
  const result: SnippetParse = { text: '', tabStops: [], variables: [], errors: [] };
  let pos = 0;

  const fail = (message: string) => result.errors.push(`${message} at offset ${pos}`);

  /** Parses until `}` (when nested) or the end; returns the text produced. */
  const parseAny = (nested: boolean): string => {
    let out = '';
    while (pos < body.length) {
      const char = body[pos];
      if (char === '\\' && pos + 1 < body.length && '$}\\'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (char === '$') {
        out += parseDollar();
      } else if (char === '}' && nested) {
        return out;
      } else {
        out += char;
        pos++;
      }
    }
    if (nested) fail('unclosed "${"');
    return out;
  };

  const parseDollar = (): string => {
    const rest = body.slice(pos);
    const simple = /^\$(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))/.exec(rest);
    if (simple) {
      pos += simple[0].length;
      if (simple[1] !== undefined) result.tabStops.push(Number(simple[1]));
      else variable(simple[2]);
      return '';
    }
    const open = /^\$\{(?:(\d+)|([A-Za-z_][A-Za-z0-9_]*))([:|}/])?/.exec(rest);
    if (!open || open[3] === undefined) {
      fail('a "$" that starts no tab stop, placeholder or variable (escape it as "\\$")');
      pos++;
      return '$';
    }
    pos += open[0].length;
    if (open[1] !== undefined) result.tabStops.push(Number(open[1]));
    else variable(open[2]);
    switch (open[3]) {
      case '}':
        return '';
      case ':': {
        const inner = parseAny(true);
        if (body[pos] === '}') pos++;
        return inner;
      }
      case '|': {
        if (open[1] === undefined) fail('choices need a tab stop number');
        const close = body.indexOf('|}', pos);
        if (close < 0) {
          fail('unclosed choice "${n|...|}"');
          pos = body.length;
          return '';
        }
        const options = body.slice(pos, close).split(/(?<!\\),/);
        pos = close + 2;
        return options[0].replace(/\\([,|\\$}])/g, '$1');
      }
      default:
        fail('transforms ("${...:/regex/...}") are not used in these snippets');
        pos = body.length;
        return '';
    }
  };

  const variable = (name: string) => {
    result.variables.push(name);
    if (!KNOWN_VARIABLES.has(name)) fail(`unknown variable "${name}"`);
  };

  result.text = parseAny(false);
  return result;
}
