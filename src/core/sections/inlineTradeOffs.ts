// Finds a discussion of alternatives that has no section of its own: "We looked at X, but chose Y
// because…", "push vs pull: pull is cheaper", "Option 1 … Option 2 …", a paragraph on the trade-off.
import { realLines, type ContentLine } from '../checklist/placeholder';
import type { Block, ParsedDocument, Section } from '../types';
import { classifySections } from './classify';

export interface InlineDiscussion {
  /** 0-based line where the discussion starts. */
  line: number;
  /** The line's text, trimmed, for the checklist's tooltip. */
  text: string;
}

// "The trade-off is…", "a trade-off between X and Y", "Trade-off: …": the word used to weigh, not to list topics.
const TRADE_OFF_WORD = /\b(?:the|this|that|a|one|main|key|big|biggest|obvious|clear)\s+trade[- ]?offs?\s+(?:is|are|was|were|here|between|of|we|being)\b|\btrade[- ]?offs?\s*(?:between\b|:)|\btrad(?:e|es|ing)\s+(?:off\s+)?[\w-]+(?:\s+[\w-]+)?\s+for\s+/i;
// "Both block and message compression were initially explored": the passive voice of WE_WEIGHED.
const WERE_WEIGHED = /\b(?:were|was|have been|has been)\s+(?:also\s+|initially\s+|first\s+|briefly\s+|carefully\s+)?(?:considered|explored|evaluated|weighed|compared|investigated|rejected|ruled out|looked at|prototyped)\b/i;
// "Rather than push or pull, we can do a hybrid", "We use a log instead of a queue": a choice made against another.
const CHOSEN_OVER = /\b(?:rather than|instead of)\b[^.]{0,80}?\b(?:we|i|let'?s)\s+(?:can|could|will|would|should|do|use|go|pick|chose|choose|opt)\b|\b(?:we|i)\s+(?:can\s+|could\s+|will\s+|would\s+|should\s+)?(?:use|go with|pick|choose|adopt|keep)\b[^.]{0,80}?\b(?:rather than|instead of)\b/i;
// "provides significantly better compression ratios over compressing messages", "it's better that we store all ids".
const BETTER_OVER = /\b(?:better|worse|cheaper|simpler|easier|safer|more efficient|less efficient)\b[^.]{0,60}?\b(?:over|than)\b|\b(?:it'?s|its|it is|would be)\s+(?:much\s+|far\s+)?(?:better|cheaper|simpler|safer|easier)\s+(?:to|that|if)\b/i;
const WE_WEIGHED = /\b(?:we|i|they|the team)\s+(?:also\s+|first\s+|initially\s+|briefly\s+)?(?:considered|looked at|evaluated|explored|weighed|compared|investigated|rejected|ruled out)\b/i;
const ALTERNATIVE = /\balternatively\b|\banother (?:way|approach|option) (?:to|would|is|could)\b|\b(?:an|one|another|the|other|possible)\s+alternatives?\b|\balternatives?\s+(?:is|are|was|were|would|could|to|approach|approaches|design|designs|solution|solutions|considered)\b/i;
const VERSUS = /\S\s+(?:vs\.?|versus)\s+\S/i;
const REASON = /\b(?:because|better|worse|cheaper|simpler|faster|slower|instead|chose|choose|chosen|prefer|preferred|pros?|cons|downsides?|drawbacks?|costs?|but|however|whereas|while)\b/i;
const INSTEAD = /\b(?:instead of|rather than|in favou?r of)\b.{0,120}?\b(?:because|since|as it|as they|due to|so that|which (?:is|would|means)|to avoid)\b|\b(?:because|since)\b.{0,120}?\b(?:instead of|rather than)\b/i;
const WHY_NOT = /\bwhy not\b/i;
const DOWNSIDE = /\b(?:the|one|a|main|biggest)\s+(?:downside|drawback|disadvantage)s?\b|\bat the (?:cost|expense) of\b/i;
const PROS = /\bpros\b|\badvantages\b/i;
const CONS = /\bcons\b|\bdisadvantages\b/i;
const OPTION_A = /\b(?:option|approach|alternative|solution)\s*#?\s*(?:1|a|one)\b/i;
const OPTION_B = /\b(?:option|approach|alternative|solution)\s*#?\s*(?:2|b|two)\b/i;
// "Which matters more: consistency or availability?", "SQL or NoSQL?": a question between options.
const CHOICE_QUESTION = /^(?=.*\b(?:which|better|more important|prefer|choose|should we|vs)\b)[^?]{0,80}\S\s+or\s+\S[^?]{0,60}[?？]\s*$/i;
// "Redis or Memcached", "`SQL` or `NoSQL`", "**NewSQL** or **Partitioned PostgreSQL**", "seaweedFS or FastFS".
const NAMES_OR = /(?:`[^`\n]{1,40}`|\*\*[^*\n]{1,40}\*\*|\[[^\]\n]{1,40}\]\([^)\s]{0,300}\)|\b[A-Za-z][\w.+#-]{0,30}[A-Z][\w.+#-]{0,30}|\b[A-Z][\w.+#-]{1,30})[ \t]{1,3}or[ \t]{1,3}(?:`|\*\*|\[|[A-Za-z][\w.+#-]{0,30}[A-Z]|[A-Z])/;
const WE_CHOSE = /\b(?:we|i)\s+(?:chose|choose|decided|opted|went with|picked|preferred|prefer to)\b|\bprefer\b.{1,80}?\bover\b/i;
const RATIONALE = /\b(?:rationale|reasoning|justification|why)\b/i;
const N_WAYS = /\b(?:two|three|four|several|multiple|many|different|various)\s+(?:different\s+|possible\s+|main\s+)?(?:ways|options|approaches|alternatives|choices|strategies|solutions)\b/i;
const RATHER = /\b(?:instead of|rather than)\b/i;
const COMPARATIVE = /\b(?:better|worse|simpler|cheaper|faster|slower|easier|harder|safer|more|less)\b/i;
const NOT_CHOSEN = /\b(?:haven't|have not|didn't|did not|don't|do not|won't|will not|wouldn't|would not)\s+(?:use|used|choose|chosen|pick|picked|go with|adopt)\b.{0,120}?\bbecause\b/i;
// Chinese write-ups: advantages / disadvantages, and "A 还是 B" (A or B).
const CJK_WEIGHING = /优点|缺点|优势|劣势|[^?？]还是[^?？]*[?？]/;
/** A line that is a link and little else (a reference list) says nothing itself. */
const LINK_ONLY = /^\s*(?:[-*+]\s+)?\[[^\]]*\]\([^)]*\)\s*[.:;,-]?\s*\S{0,40}$/;

// "For celebrities it doesn't make sense to fan out; rather, their posts are pulled at read time."
const NO_SENSE = /\b(?:doesn'?t|does not|don'?t|do not|wouldn'?t|would not)\s+make\s+(?:much\s+)?sense\b.{0,160}\b(?:rather|instead)\b/i;

const PATTERNS = [NO_SENSE, TRADE_OFF_WORD, WE_WEIGHED, WERE_WEIGHED, CHOSEN_OVER, BETTER_OVER, ALTERNATIVE, INSTEAD, WHY_NOT, DOWNSIDE, CHOICE_QUESTION, WE_CHOSE, N_WAYS, NOT_CHOSEN, CJK_WEIGHING];

/**
 * Where a document with no trade-offs section weighs options: the first place that clearly does, else
 * the first that names two options side by side ("Redis or Memcache") without saying why. Reference and
 * appendix sections are not read.
 */
export function findInlineTradeOffs(doc: ParsedDocument): InlineDiscussion | undefined {
  const classes = classifySections(doc);
  const skipped = (section: Section): boolean => classes.get(section)?.apart === true;
  let pros: ContentLine | undefined;
  let optionA: ContentLine | undefined;
  let named: ContentLine | undefined;
  let lastNamed: ContentLine | undefined;
  // The earliest clear discussion in document order (sibling headings are seen before their content is read).
  let first: InlineDiscussion | undefined;
  const take = (d: InlineDiscussion) => {
    if (!first || d.line < first.line) first = d;
  };
  const visit = (section: Section): void => {
    if (section.level > 0 && skipped(section)) return;
    if (first && section.line > first.line) return;
    for (const block of section.blocks) {
      if (!readable(block)) continue;
      for (const l of realLines(block)) {
        const text = l.text;
        if (LINK_ONLY.test(text)) continue;
        if (PATTERNS.some((p) => p.test(text)) || (VERSUS.test(text) && REASON.test(text)) || (RATHER.test(text) && COMPARATIVE.test(text))) return take(found(l));
        // Two names, then why on the same line or the next ("**NewSQL** or **PostgreSQL**" / "Rationale: …").
        if (lastNamed && l.line - lastNamed.line <= 2 && (REASON.test(text) || RATIONALE.test(text))) return take(found(lastNamed));
        lastNamed = undefined;
        if (NAMES_OR.test(text)) {
          if (REASON.test(text)) return take(found(l));
          named ??= l;
          lastNamed = l;
        }
        if (PROS.test(text)) pros ??= l;
        if (CONS.test(text) && pros && l.line - pros.line <= 15) return take(found(pros));
        if (OPTION_A.test(text)) optionA ??= l;
        if (OPTION_B.test(text) && optionA && l.line - optionA.line <= 60) return take(found(optionA));
      }
    }
    const variants = siblingVariants(section.children);
    if (variants) take(variants);
    for (const child of section.children) visit(child);
  };
  visit(doc.root);
  return first ?? (named && found(named));
}

const VARIANT = /^(.{3,60}?)\s*(?:[-–—:]|\bvia\b|\bwith\b|\busing\b)\s+\S/i;

/** Labels that number things rather than name variants of one ("Use case: upload", "Step 2 - design"). */
const SERIES_LABEL = /^(?:use ?cases?|user stor(?:y|ies)|stor(?:y|ies)|steps?|phases?|parts?|stages?|scenarios?|examples?|cases?|flows?|questions?|milestones?|sections?|chapters?|days?|weeks?|months?|sprints?|tasks?|features?|requirements?)(?:\s*#?\s*\d+)?$/;

/** Sibling headings that are variants of one thing ("Hash function - hash + collision", "Hash function - base 62"). */
function siblingVariants(children: Section[]): InlineDiscussion | undefined {
  const seen = new Map<string, Section>();
  for (const child of children) {
    const m = VARIANT.exec(child.title.replace(/[*_`]/g, ''));
    if (!m) continue;
    const key = m[1].trim().toLowerCase();
    if (SERIES_LABEL.test(key)) continue;
    const first = seen.get(key);
    if (first) return { line: first.line, text: `${first.title} / ${child.title}` };
    seen.set(key, child);
  }
  return undefined;
}

function readable(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'list' || block.kind === 'blockquote' || block.kind === 'table';
}

function found(l: ContentLine): InlineDiscussion {
  const text = l.text.trim();
  return { line: l.line, text: text.length > 120 ? `${text.slice(0, 117)}…` : text };
}
