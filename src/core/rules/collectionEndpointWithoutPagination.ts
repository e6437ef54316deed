// SD008: a GET that returns a list, with nothing nearby that limits or pages through it.
import type { ParsedDocument, RuleDef, RuleFinding } from '../types';
import { endpointKey, findEndpoints, isCollectionPath, type Endpoint } from './util/endpoints';

const EXACT = new Set(['limit', 'offset', 'page', 'pages', 'per_page', 'perpage', 'page_size', 'pagesize', 'max_results', 'maxresults', 'top', 'first']);
const PARTS = ['cursor', 'paginat', 'page_token', 'pagetoken', 'next_page', 'nextpage', 'next_token', 'nexttoken', 'continuation', 'page_number', 'pagenumber'];
// "before"/"after" are ordinary words; they only count as parameters.
const KEYSET = ['before=', 'after=', '`before`', '`after`', '"before"', '"after"', 'since_id', 'max_id'];
// One of EXACT as a whole word, words being the runs of [a-z0-9_] (one regex instead of a split per text).
const EXACT_WORD = new RegExp(`(?:^|[^a-z0-9_])(?:${[...EXACT].join('|')})(?![a-z0-9_])`);

export function mentionsPagination(doc: ParsedDocument, endpoint: Endpoint): boolean {
  const text = doc.lines.slice(endpoint.context.from, endpoint.context.to).join('\n').toLowerCase();
  if (KEYSET.some((key) => text.includes(key))) return true;
  // PARTS are made of word characters, so a word holds one exactly when the text does.
  return PARTS.some((part) => text.includes(part)) || EXACT_WORD.test(text);
}

export const collectionEndpointWithoutPagination: RuleDef = {
  code: 'SD008',
  slug: 'collection-endpoint-without-pagination',
  description: 'A GET endpoint returns a collection but shows no pagination (limit, cursor, page token).',
  defaultSeverity: 'warning',
  check(ctx) {
    // Pagination is an interview-style expectation: only frameworks that ask for it get this rule.
    if (!ctx.framework.phases.some((phase) => phase.needs.includes('pagination'))) return [];
    // An endpoint often appears twice (a summary list, then its spec): paging shown at any mention
    // covers it, and an unpaged one is reported once, where it first appears.
    const byKey = new Map<string, Endpoint[]>();
    for (const endpoint of findEndpoints(ctx.doc)) {
      if (endpoint.method !== 'GET' || !isCollectionPath(endpoint.path)) continue;
      const key = endpointKey(endpoint);
      const list = byKey.get(key);
      if (list) list.push(endpoint);
      else byKey.set(key, [endpoint]);
    }
    const findings: RuleFinding[] = [];
    // Endpoints in one paragraph or row share a context: read each context once, not once per endpoint.
    const verdicts = new Map<string, boolean>();
    const paged = (endpoint: Endpoint) => {
      const key = `${endpoint.context.from}:${endpoint.context.to}`;
      let verdict = verdicts.get(key);
      if (verdict === undefined) verdicts.set(key, (verdict = mentionsPagination(ctx.doc, endpoint)));
      return verdict;
    };
    for (const mentions of byKey.values()) {
      if (mentions.some(paged)) continue;
      const endpoint = mentions[0];
      const query = `${endpoint.path.includes('?') ? '&' : '?'}limit=20&cursor=<cursor>`;
      findings.push({
        message:
          `GET ${endpoint.path} returns a list but shows no pagination. Take \`limit\` and a \`cursor\` ` +
          '(or `page_token`) and return the next cursor, so one call never has to return everything.',
        range: endpoint.range,
        fix: { title: 'Add limit and cursor parameters', edits: [{ range: { start: endpoint.pathEnd, end: endpoint.pathEnd }, newText: query }] },
      });
    }
    return findings;
  },
};
