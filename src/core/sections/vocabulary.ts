// The one vocabulary of section headings, shared by every framework and genre: which words name which
// part of a design document. Frameworks only say which parts they want; they need not list phrasings.
import type { PhaseKind } from '../types';

export interface VocabularyEntry {
  kind: PhaseKind | 'none';
  /** What the section is about within its kind; two sections with the same facet repeat each other. */
  facet?: string;
  /**
   * A word so general that a more specific topic beside it wins ("Alerting requirements" is about
   * alerting, "Caching architecture" about caching).
   */
  generic?: boolean;
  /** Names its kind only where its place confirms it ("Summary" opens or closes a document). */
  placed?: boolean;
  /** Counts only as the whole heading ("Why", "How"): inside a longer heading it says nothing. */
  whole?: boolean;
  /** Counts only where it opens the heading ("Monitor and wrap up"); after a name it names a thing ("Cluster monitor"). */
  leading?: boolean;
}

/** [kind, facet, phrasings]; phrasings are written the way normalizeHeading folds headings. */
type Group = [PhaseKind | 'none', string | undefined, string[], Omit<VocabularyEntry, 'kind' | 'facet'>?];

const GROUPS: Group[] = [
  ['context', 'summary', ['abstract', 'executive summary', 'tl dr', 'tldr', 'synopsis']],
  ['context', 'introduction', ['introduction', 'intro', 'preface', 'about', 'description']],
  ['context', 'motivation', ['motivation', 'motivations', 'purpose', 'rationale for change']],
  ['context', 'background', ['background', 'context', 'context and problem statement', 'current state', 'current situation', 'existing system', 'existing solution', 'current solution', 'current design', 'current implementation', 'current architecture', 'current system', 'current approach', 'status quo', 'today', 'history of the problem', 'preliminary considerations', 'initial considerations']],
  ['context', 'motivation', ['why', 'what'], { whole: true }],
  ['context', 'problem', ['problem statement', 'problem', 'problem description', 'problem definition', 'user problem', 'challenge', 'challenges', 'what is it', 'what are we building']],
  ['context', 'summary', ['summary', 'overview'], { placed: true }],

  ['requirements', 'requirements', ['requirements', 'requirement', 'system requirements', 'product requirements', 'business requirements', 'technical requirements', 'key requirements', 'core requirements', 'design requirements', 'requirements and goals', 'requirements and goals of the system', 'requirement clarification', 'requirements clarification', 'clarify requirements', 'gather requirements', 'expectations'], { generic: true }],
  ['requirements', 'functional', ['functional requirements', 'functional', 'required items', 'must haves', 'must have', 'feature requirements', 'feature set', 'mvp', 'mvp features']],
  // What the system can do: wanted before the design, described after it ("Core capabilities" after "Decision").
  ['requirements', 'capabilities', ['features', 'core features', 'key features', 'main features', 'capabilities', 'core functionality', 'functionality'], { placed: true }],
  ['requirements', 'non-functional', ['non functional requirements', 'nonfunctional requirements', 'non functional', 'nonfunctional', 'nfr', 'nfrs', 'quality attributes', 'performance requirements', 'sla requirements']],
  ['requirements', 'goals', ['goals', 'goal', 'objectives', 'objective', 'aims', 'success criteria', 'design goals']],
  ['requirements', 'non-goals', ['non goals', 'nongoals', 'non goal', 'out of scope', 'not in scope', 'anti goals']],
  ['requirements', 'goals-and-non-goals', ['goals and non goals', 'goals and nongoals', 'goals non goals', 'scope', 'in scope', 'scope and non goals', 'problem scope', 'scoping']],
  ['requirements', 'use-cases', ['use cases', 'use case', 'user stories', 'user story', 'user journeys', 'user journey', 'usage scenarios', 'user scenarios']],
  ['requirements', 'assumptions', ['assumptions', 'constraints', 'constraints and assumptions', 'assumptions and constraints', 'limitations and constraints']],
  ['requirements', 'questions', ['questions'], { placed: true }],
  ['requirements', 'questions', ['clarifying questions', 'clarify', 'clarification', 'clarifications', 'questions to ask', 'understand the problem', 'understanding the problem', 'understand the problem and establish design scope', 'problem clarification', 'problem clarify', 'requirements gathering']],
  ['requirements', 'drivers', ['decision drivers', 'drivers', 'forces']],

  ['estimation', 'estimation', ['estimation', 'estimations', 'estimate', 'estimates', 'estimating', 'capacity', 'capacity estimation', 'capacity estimations', 'capacity estimates', 'capacity planning', 'capacity and constraints', 'capacity estimation and constraints', 'back of the envelope', 'back of envelope', 'back of the envelope estimation', 'back of the envelope calculation', 'back of the envelope calculations', 'envelope estimation', 'estimate the scale', 'estimate scale', 'scale estimation', 'scale estimates', 'estimate capacity', 'sizing', 'calculations', 'calculation', 'math', 'napkin math', 'calculate usage', 'usage calculation', 'usage calculations', 'calculating usage', 'usage estimation', 'usage estimates', 'load estimation', 'connect the dots', 'expected load', 'expected scale', 'expected traffic', 'scale of the system', 'system scale', 'numbers', 'quantitative analysis']],
  ['estimation', 'traffic', ['traffic', 'traffic estimates', 'traffic estimation', 'traffic estimate', 'qps', 'qps estimation', 'rps', 'throughput estimation', 'request volume']],
  ['estimation', 'storage', ['storage estimates', 'storage estimation', 'storage estimate', 'storage capacity', 'disk', 'storage needs']],
  ['estimation', 'bandwidth', ['bandwidth', 'bandwidth estimates', 'bandwidth estimation', 'bandwidth estimate', 'network bandwidth']],
  ['estimation', 'memory', ['memory estimates', 'memory estimation', 'memory estimate', 'cache memory estimation', 'memory']],
  ['estimation', 'scale', ['scale'], { placed: true }],
  ['estimation', 'throughput', ['throughput'], { placed: true }],
  ['estimation', 'storage', ['storage'], { placed: true }],

  ['api', 'api', ['api', 'apis', 'api design', 'apis design', 'rest api', 'restful api', 'http api', 'public api', 'api endpoints', 'api spec', 'api specification', 'system api', 'system apis', 'api contract', 'api contracts', 'endpoints', 'endpoint', 'service api', 'client api', 'api extensions', 'api changes', 'user facing api', 'public interface', 'apis and interfaces', 'rpc', 'rpcs', 'grpc', 'grpc api', 'graphql', 'graphql api', 'websocket api', 'command line interface', 'cli', 'sdk', 'protocol', 'wire protocol', 'interface definition', 'service definition', 'service definitions', 'request and response', 'requests and responses', 'request response', 'request format', 'response format', 'api reference']],
  ['api', 'interface', ['interface', 'interfaces', 'system interface', 'system interface definition', 'contract', 'contracts'], { generic: true }],

  ['data-model', 'data-model', ['datastore', 'data store', 'datastores', 'data stores', 'data model', 'data models', 'data modeling', 'data modelling', 'core data model', 'domain model', 'entity model', 'schema', 'schemas', 'schema design', 'database schema', 'database schemas', 'db schema', 'data schema', 'database design', 'database model', 'db design', 'storage layer', 'data storage', 'storage design', 'storage schema', 'storage model', 'entities', 'entity', 'tables', 'table design', 'persistence', 'persistence layer', 'data layer', 'data format', 'data layout', 'database', 'databases', 'db', 'database choice', 'choice of database', 'choosing a database', 'database selection', 'data structures', 'metadata', 'metadata storage', 'metadata store', 'key schema']],

  ['high-level-design', 'overview', ['how'], { whole: true }],
  ['high-level-design', 'overview', ['high level design', 'high level', 'high level architecture', 'high level system design', 'high level overview', 'hld', 'architecture', 'system architecture', 'architecture overview', 'architectural overview', 'system overview', 'design overview', 'overview of the design', 'overall design', 'overall architecture', 'basic design', 'initial design', 'basic system design', 'basic system design and algorithm', 'architecture diagram', 'system diagram', 'sequence diagram', 'sequence diagrams', 'diagram', 'diagrams', 'service architecture', 'solution architecture', 'architectural solution', 'proposed architectural solution', 'architectural design', 'big picture'], { generic: false }],
  ['high-level-design', 'components', ['components', 'system components', 'main components', 'key components', 'core components', 'component overview', 'components overview', 'building blocks', 'services', 'api gateway', 'gateway', 'api gateways', 'component walkthrough', 'components walkthrough']],
  ['high-level-design', 'proposal', ['proposed solution', 'proposed design', 'proposed architecture', 'proposed approach', 'proposed change', 'proposed changes', 'proposal', 'solution', 'solutions', 'solution overview', 'proposed system', 'approach', 'design approach', 'design', 'system design', 'how it works', 'explanation', 'proposed implementation', 'workflow', 'workflow description', 'request flow', 'data flow', 'end to end flow', 'user flow', 'design proposal', 'guide level explanation'], { generic: true }],

  ['deep-dive', 'deep-dive', ['deep dive', 'deep dives', 'design deep dive', 'deep dive into the design', 'component deep dive', 'components deep dive', 'detailed design', 'detailed component design', 'component design', 'design core components', 'design the core components', 'core components design', 'core component design', 'design details', 'detailed architecture', 'details', 'implementation', 'implementation details', 'implementation notes', 'implementation details notes constraints', 'internal details', 'internals', 'low level design', 'lld', 'algorithm', 'algorithms', 'specification', 'spec', 'technical design', 'technical details', 'technical specification', 'design specifics', 'design specification', 'mechanics', 'under the hood', 'walkthrough', 'flows', 'detailed explanation', 'reference level explanation', 'design and implementation', 'core algorithm', 'detailed design and implementation']],

  ['caching', 'caching', ['caching', 'cache', 'caches', 'caching strategy', 'caching strategies', 'cache strategy', 'caching layer', 'cache layer', 'cache design', 'cdn', 'cdns', 'content delivery network', 'cache invalidation', 'cache eviction', 'caching and cdn', 'cdn and caching', 'distributed cache']],

  ['scaling', 'scaling', ['scaling', 'scalability', 'scale the design', 'scaling the design', 'scale out', 'scaling out', 'horizontal scaling', 'vertical scaling', 'scaling considerations', 'scalability considerations', 'handling scale', 'scaling up', 'growth', 'scaling strategy', 'scaling the system']],
  ['scaling', 'bottlenecks', ['bottlenecks', 'bottleneck', 'resolving bottlenecks', 'resolve bottlenecks', 'identify bottlenecks', 'identifying bottlenecks', 'hotspots', 'hot spots', 'hot keys', 'hot partitions']],
  ['scaling', 'partitioning', ['sharding', 'shard', 'shards', 'sharding strategy', 'partitioning', 'partition', 'partitions', 'data partitioning', 'database sharding', 'data sharding', 'partitioning strategy', 'data partitioning and replication', 'partitioning and replication', 'sharding and replication', 'consistent hashing']],
  ['scaling', 'load-balancing', ['load balancing', 'load balancer', 'load balancers', 'lb', 'load distribution', 'traffic distribution', 'traffic balancing', 'traffic routing']],
  ['scaling', 'performance', ['performance', 'performance considerations', 'performance and scalability', 'latency', 'optimizations', 'optimisations', 'optimization', 'optimisation']],

  ['reliability', 'reliability', ['reliability', 'availability', 'high availability', 'fault tolerance', 'fault tolerant', 'failure modes', 'failure mode', 'failure handling', 'handling failures', 'failures', 'failure scenarios', 'failure recovery', 'handling failures', 'disaster recovery', 'resilience', 'resiliency', 'redundancy', 'failover', 'durability', 'single points of failure', 'single point of failure', 'critical evaluation', 'critically evaluate', 'evaluate the design', 'error handling', 'retries', 'backup', 'backups', 'backup and recovery', 'consistency', 'consistency model', 'operational aspects', 'operability', 'support procedures', 'recovery', 'robustness', 'availability and reliability', 'throttling', 'rate limiting', 'rate limiter', 'backpressure', 'back pressure', 'load shedding', 'delivery guarantees', 'delivery guarantee', 'idempotency', 'retry', 'timeouts', 'replication', 'data replication', 'database replication', 'replication strategy']],

  ['security', 'security', ['security', 'security considerations', 'security requirements', 'security implications', 'security and privacy', 'privacy', 'privacy considerations', 'auth', 'authentication', 'authorization', 'authn', 'authz', 'access control', 'permissions', 'threat model', 'threat modeling', 'threat modelling', 'compliance', 'abuse', 'abuse prevention', 'encryption', 'sensitive data', 'security model']],

  ['monitoring', 'monitoring', ['monitoring', 'observability', 'alerting', 'alerts', 'alert', 'slos', 'slo', 'slas', 'sla', 'slis', 'sli', 'monitoring and alerting', 'monitoring requirements', 'health checks', 'operational monitoring']],
  ['monitoring', 'monitoring', ['monitor'], { leading: true }],
  // Signals a system emits: a section about them may be product telemetry or a log format, not how the system is watched.
  ['monitoring', 'signals', ['metrics', 'metric', 'logging', 'logs', 'telemetry', 'dashboards', 'dashboard', 'tracing', 'instrumentation']],

  ['trade-offs', 'trade-offs', ['trade offs', 'tradeoffs', 'trade off', 'tradeoff', 'trade offs and mitigations', 'tradeoffs and mitigations', 'design trade offs', 'design tradeoffs', 'key trade offs', 'key tradeoffs', 'design space', 'solution space', 'pros and cons', 'pros cons', 'comparison', 'comparisons', 'design decisions', 'key decisions', 'decision points', 'decision log', 'design choices', 'technology choices', 'tech choices', 'technical choices', 'choices', 'key design decisions']],
  ['trade-offs', 'pros-cons', ['pros', 'pros and cons', 'advantages', 'advantages and disadvantages', 'pros cons']],
  ['trade-offs', 'alternatives', ['alternatives', 'alternative', 'alternatives considered', 'alternative considered', 'considered alternatives', 'alternative approaches', 'alternative approach', 'alternative designs', 'alternative design', 'alternative solutions', 'alternative solution', 'alternative implementation', 'other approaches', 'other options', 'other solutions', 'options', 'options considered', 'considered options', 'pros and cons of the options', 'rejected approaches', 'rejected alternatives', 'rejected ideas', 'rejected options', 'why not', 'prior art', 'prior art and alternatives', 'rationale and alternatives', 'alternatives not implemented', 'alternatives and prior art']],
  ['trade-offs', 'matrix', ['decision matrix', 'comparison matrix', 'comparison table']],
  ['trade-offs', 'rationale', ['rationale', 'design rationale', 'reasoning', 'justification']],

  // Only the downside ("Cons", "Drawbacks"): what the proposal costs, not a comparison of options.
  ['risks', 'risks', ['cons', 'risks', 'risk', 'drawbacks', 'drawback', 'downsides', 'downside', 'risks and mitigations', 'risk and mitigation', 'mitigations', 'caveats', 'limitations', 'known limitations', 'known issues', 'concerns', 'disadvantages']],

  ['rollout', 'rollout', ['rollout', 'roll out', 'rollout plan', 'rollout strategy', 'launch', 'launch plan', 'release plan', 'release', 'releases', 'deployment', 'deployment plan', 'deployment strategy', 'deploy', 'migration', 'migrations', 'migration plan', 'migration strategy', 'migration path', 'upgrade', 'upgrade strategy', 'upgrade downgrade strategy', 'downgrade', 'version skew', 'version skew strategy', 'graduation criteria', 'graduation', 'feature gate', 'feature flags', 'deprecation', 'timeline', 'milestones', 'implementation plan', 'work plan', 'adoption', 'implications on adoption', 'definition of done', 'rollback', 'rollback plan', 'feature lifecycle']],
  ['rollout', 'rollout', ['plan', 'phases'], { generic: true }],
  ['rollout', 'compatibility', ['impact on existing', 'effect on existing', 'backwards compatibility', 'backward compatibility', 'compatibility', 'source compatibility', 'abi compatibility', 'api compatibility', 'effect on abi stability', 'effect on api resilience', 'effect on source compatibility', 'abi stability', 'breaking changes', 'interoperability']],

  ['testing', 'testing', ['test plan', 'testing', 'testing plan', 'testing strategy', 'test strategy', 'tests', 'validation', 'verification', 'test cases', 'e2e tests', 'unit tests', 'integration tests', 'benchmarks', 'benchmark', 'benchmarking', 'evaluation plan', 'experiments', 'acceptance criteria']],

  ['open-questions', 'open-questions', ['open questions', 'open question', 'unresolved questions', 'unresolved question', 'open issues', 'outstanding questions', 'faq', 'faqs', 'frequently asked questions', 'unknowns', 'open items', 'questions', 'discussion', 'open points']],

  ['decision', 'decision', ['decision', 'decision outcome', 'chosen option', 'proposed decision', 'decision made', 'resolution', 'outcome', 'decision and rationale']],

  ['consequences', 'consequences', ['consequences', 'consequence', 'positive consequences', 'negative consequences']],
  ['consequences', 'consequences', ['implications', 'impact', 'impacts'], { generic: true }],

  ['wrap-up', 'wrap-up', ['wrap up', 'wrapup', 'wrapping up', 'conclusion', 'conclusions', 'final thoughts', 'closing thoughts', 'closing', 'future work', 'future directions', 'future direction', 'future possibilities', 'future improvements', 'future enhancements', 'future considerations', 'future', 'next steps', 'follow ups', 'follow up', 'further improvements', 'improvements', 'extensions', 'possible extensions', 'additional considerations', 'other considerations', 'final considerations', 'additional talking points', 'recap']],
  // Before the design they frame it ("Preliminary considerations"); after it they close it.
  ['wrap-up', 'considerations', ['considerations'], { generic: true, placed: true }],

  // Never a part, wherever they stand: their sub-sections are not parts either.
  ['none', 'apart', ['table of contents', 'further reading', 'reading list', 'acknowledgments', 'acknowledgements', 'acknowledgment', 'acknowledgement', 'appendix', 'appendices', 'change log', 'implementation history', 'revision history', 'document history', 'release signoff checklist', 'links and references', 'infrastructure needed']],
  // One word that also starts ordinary headings ("Links between services", "Content identifiers", "License server"): apart only alone.
  ['none', 'apart', ['bibliography', 'changelog', 'contents', 'copyright', 'credits', 'footnotes', 'glossary', 'licence', 'license', 'links', 'references', 'toc'], { whole: true }],
  // Not a part on their own; under a part they are just more of it ("### Notes" in a deep dive).
  ['none', undefined, ['architecture decision record', 'architecture decision records', 'adr', 'index', 'reference', 'resources', 'reading', 'thanks', 'terminology', 'definitions', 'terms', 'changes', 'history', 'status', 'metadata', 'meta', 'authors', 'author', 'owners', 'reviewers', 'approvers', 'notes', 'related work', 'related documents', 'related', 'see also', 'production readiness review questionnaire', 'cross cutting concerns', 'cross cutting concern', 'cross cutting', 'more information', 'sources', 'example', 'examples', 'demo', 'prerequisites', 'installation', 'getting started', 'usage', 'quick start', 'quickstart', 'contributing', 'support', 'contact']],
];

/**
 * Chinese headings have no spaces between words: these terms are found inside a heading's words
 * ("使用场景", "如何存储"). Same kinds and facets as the English phrasings they translate.
 */
const CJK_GROUPS: Group[] = [
  ['context', 'background', ['背景', '场景', '应用场景', '使用场景', '简介', '介绍', '概述', '动机']],
  ['requirements', 'requirements', ['需求', '要求', '功能需求', '非功能需求', '目标', '范围', '约束', '假设']],
  ['estimation', 'estimation', ['估算', '估计', '容量', '容量估算', '容量规划']],
  ['api', 'api', ['接口', '接口设计']],
  ['data-model', 'data-model', ['数据模型', '数据库', '存储', '表结构', '数据结构']],
  ['high-level-design', 'overview', ['架构', '系统架构', '总体设计', '整体设计', '概要设计']],
  ['deep-dive', 'deep-dive', ['详细设计', '深入']],
  ['caching', 'caching', ['缓存']],
  ['scaling', 'scaling', ['扩展', '扩容', '分片', '水平扩展', '性能']],
  ['reliability', 'reliability', ['可靠性', '容错', '高可用', '可用性']],
  ['security', 'security', ['安全', '攻击', '防攻击', '鉴权', '认证']],
  ['monitoring', 'monitoring', ['监控', '告警']],
  ['trade-offs', 'trade-offs', ['权衡', '取舍', '优缺点', '方案对比', '方案比较']],
  ['wrap-up', 'wrap-up', ['总结', '结论']],
  ['none', 'apart', ['参考资料', '参考', '附录', '目录']],
];

/** Chinese terms, longest first (a longer term names the part more exactly: "功能需求" before "需求"). */
export const CJK_TERMS: ReadonlyArray<[string, VocabularyEntry]> = CJK_GROUPS.flatMap(([kind, facet, terms, extra]) =>
  terms.map((term): [string, VocabularyEntry] => [term, { kind, ...(facet ? { facet } : {}), ...extra }]),
).sort((a, b) => b[0].length - a[0].length);

export const VOCABULARY: ReadonlyMap<string, VocabularyEntry> = buildVocabulary();

function buildVocabulary(): Map<string, VocabularyEntry> {
  const map = new Map<string, VocabularyEntry>();
  for (const [kind, facet, phrases, extra] of GROUPS) {
    for (const phrase of phrases) {
      const key = foldPhrase(phrase);
      // The first group that lists a phrasing owns it.
      if (!map.has(key)) map.set(key, { kind, ...(facet ? { facet } : {}), ...extra });
    }
  }
  return map;
}

/** A phrase's words with plurals folded, as titles are folded before lookup. */
export function foldPhrase(phrase: string): string {
  return phrase.split(' ').map(foldWord).join(' ');
}

/**
 * Folds a plural to its singular, so "alternatives"/"alternative" and "apis"/"api" meet. Only a final
 * "s" goes (not "ss", "us", "is", and not short words): crude, but applied the same way to phrases and
 * titles, which is all matching needs.
 */
export function foldWord(word: string): string {
  const n = word.length;
  if (n < 4 || word.charCodeAt(n - 1) !== 0x73 /* s */) return word;
  const before = word.charCodeAt(n - 2);
  if (before === 0x73 /* s */ || before === 0x75 /* u */ || before === 0x69 /* i */) return word;
  return word.slice(0, -1);
}

/** A phrase's leading word runs: "back of the" → "back", "back of", "back of the". */
export function leadingRuns(phrase: string): string[] {
  const runs: string[] = [];
  let run = '';
  for (const word of phrase.split(' ')) runs.push((run = run === '' ? word : `${run} ${word}`));
  return runs;
}

/** Every word the vocabulary uses, for typo correction. */
export const VOCABULARY_WORDS: ReadonlySet<string> = new Set([...VOCABULARY.keys()].flatMap((k) => k.split(' ')));
