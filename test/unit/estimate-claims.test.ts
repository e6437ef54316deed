import assert from 'node:assert/strict';
import { one } from './estimate-helpers';

describe('estimate: claims, tolerance and explanations', () => {
  it('accepts ≈ within 15% and = after rounding to the claim digits', () => {
    assert.equal(one('50,000,000 / 86,400 ≈ 600 writes per second').claim.status, 'ok');
    assert.equal(one('1B ÷ 86,400 = 12K/s').claim.status, 'ok');
    assert.equal(one('10 × 3 ~ 33').claim.status, 'ok');
  });

  it('hints that = should be ≈ when the claim is close but not equal, with a fix', () => {
    const { claim, findings } = one('50,000,000 / 86,400 = 600 writes per second');
    assert.equal(claim.status, 'hint');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].code, 'SE003');
    assert.equal(findings[0].severity, 'hint');
    assert.equal(findings[0].fix!.edits[0].newText, '≈ 600 writes per second');
    assert.equal(findings[0].fix!.title, 'Replace with ≈ 600 writes per second');
  });

  it('warns with the percentage beyond 15% and errors at 2× or more', () => {
    const w = one('100 × 10 ≈ 1,300');
    assert.equal(w.claim.status, 'warning');
    assert.equal(w.findings[0].code, 'SE002');
    assert.equal(w.findings[0].severity, 'warning');
    assert.match(w.claim.message, /\+30%/);
    const e = one('100 × 10 ≈ 2,500');
    assert.equal(e.claim.status, 'error');
    assert.match(e.claim.message, /\+150%/);
    const low = one('100 × 10 ≈ 400');
    assert.equal(low.claim.status, 'error');
    assert.match(low.claim.message, /-60%/);
  });

  it('tolerances come from the settings', () => {
    assert.equal(one('100 × 10 ≈ 1,300', { settings: { approxTolerance: 0.4 } }).claim.status, 'ok');
    assert.equal(one('100 × 10 ≈ 1,300', { settings: { errorFactor: 1.2 } }).claim.status, 'error');
  });

  it('flags 5GB × 365 = 2 PB as an error and explains TB vs PB', () => {
    const { claim, findings } = one('5GB × 365 = 2 PB');
    assert.equal(claim.status, 'error');
    assert.match(claim.message, /claimed 2 PB, computed 1\.83 TB/);
    assert.match(claim.message, /TB vs PB\?/);
    // Far-off claims show a factor, not a five-digit percentage.
    assert.match(claim.message, /\(×1\.1K\)/);
    const f = findings[0];
    assert.equal(f.code, 'SE002');
    assert.equal(f.rule, 'estimate-wrong-claim');
    assert.equal(f.fix!.edits[0].newText, '≈ 1.8 TB');
    assert.equal(f.fix!.title, 'Replace with ≈ 1.8 TB');
    // The edit covers the relation and the value.
    assert.equal(f.fix!.edits[0].range.start.character, '5GB × 365 '.length);
    assert.equal(f.fix!.edits[0].range.end.character, '5GB × 365 = 2 PB'.length);
  });

  it('flags a claim of 2 TB where the inputs give 18 TB, suggesting ≈ 18 TB', () => {
    const { claim, findings } = one('50GB × 365 = 2 TB');
    assert.equal(claim.status, 'error');
    assert.match(claim.message, /claimed 2 TB, computed 18\.3 TB \(-89%\)/);
    assert.equal(findings[0].fix!.edits[0].newText, '≈ 18 TB');
  });

  it('explains bytes vs bits', () => {
    const { claim } = one('100 Mbps × 1 = 100 MB/s');
    assert.equal(claim.status, 'error');
    assert.match(claim.message, /bytes vs bits\?/);
  });

  it('does not blame bits when neither side is written in bits', () => {
    const { claim } = one('10M posts/day × 5 KB × 365 days ≈ 2 TB');
    assert.equal(claim.status, 'error');
    assert.doesNotMatch(claim.message, /bits/);
    assert.match(one('100 MB/s × 1 ≈ 100 Mbps').claim.message, /bytes vs bits\?/);
  });

  it('explains per day vs per second', () => {
    const { claim } = one('50M tweets/day × 1 ≈ 50M tweets/s');
    assert.equal(claim.status, 'error');
    assert.match(claim.message, /per day vs per second\?/);
  });

  it('explains KiB vs KB on an exact claim', () => {
    const { claim } = one('1 GiB × 1 = 1.00 GB');
    assert.equal(claim.status, 'hint');
    assert.match(claim.message, /GiB vs GB\?/);
    // One significant figure: 1.07 GB rounds to 1 GB, so `=` holds.
    assert.equal(one('1 GiB × 1 = 1 GB').claim.status, 'ok');
  });

  it('explains per year vs per day', () => {
    const { claim } = one('5 GB/day × 1 ≈ 5 GB/year');
    assert.match(claim.message, /per year vs per day\?/);
  });

  it('checks each claim of a chain against the value before it', () => {
    const { line } = one('1 month = 30 days = 2.6 million seconds ≈ 2.5 × 10^6 seconds');
    assert.deepEqual(line.claims.map((c) => c.status), ['ok', 'ok', 'ok']);
    const bad = one('2 × 3 = 6 = 60');
    assert.deepEqual(bad.line.claims.map((c) => c.status), ['ok', 'error']);
  });

  it('accepts the 10^5 seconds-per-day rounding and names it', () => {
    const { line } = one('1 day = 86,400 seconds ≈ 10^5 seconds');
    assert.deepEqual(line.claims.map((c) => c.status), ['ok', 'ok']);
    assert.ok(line.conventions.some((c) => /10\^5/.test(c)));
  });

  it('reads LaTeX-ish lines: $ delimiters, \\times and \\approx', () => {
    const { line } = one('$50,000,000 / 86,400 \\approx 600$ writes per second (TPS).', { strict: false });
    assert.equal(line.claims[0].relation, '≈');
    assert.equal(line.claims[0].status, 'ok');
    const t = one('10M users $\\times$ 5 tweets/day = 50M tweets/day', { strict: false });
    assert.equal(t.claim.status, 'ok');
  });

  it('gives the claim text and range', () => {
    const { claim } = one('2 × 3 ≈ 6 apples');
    assert.equal(claim.text, '6 apples');
    assert.equal(claim.range.start.character, 8);
    assert.equal(claim.range.end.character, 16);
    assert.equal(claim.relation, '≈');
  });

});
