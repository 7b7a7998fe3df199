import { describe, expect, it } from 'vitest';
import { type ConsultationFacts, consultationProblems, consultationWarnings } from './consultation-rules.ts';

const facts = (over: Partial<ConsultationFacts>): ConsultationFacts => ({
  outcome: 'pending',
  outcomeOn: null,
  exemptionGround: null,
  requestedOn: '2026-03-01',
  decisionText: null,
  decisionOn: null,
  partyCount: 1,
  ...over,
});
const fields = (c: ConsultationFacts) => consultationProblems(c).map((p) => p.field);

describe('consultationProblems', () => {
  it('an open consultation with a party is fine', () => expect(fields(facts({}))).toEqual([]));
  it('an exemption needs its ground and no party', () => {
    expect(fields(facts({ outcome: 'exempted', partyCount: 0 }))).toEqual(['body.exemptionGround']);
    expect(fields(facts({ outcome: 'exempted', partyCount: 0, exemptionGround: '§ 4 p. 1' }))).toEqual([]);
    expect(fields(facts({ exemptionGround: 'x' }))).toEqual(['body.exemptionGround']);
  });
  it('an ended consultation has its end date, not before the request', () => {
    expect(fields(facts({ outcome: 'agreement' }))).toEqual(['body.outcomeOn']);
    expect(fields(facts({ outcome: 'no_agreement_declared', outcomeOn: '2026-02-01' }))).toEqual([
      'body.outcomeOn',
    ]);
    expect(fields(facts({ outcome: 'consent', outcomeOn: '2026-04-01' }))).toEqual([]);
    expect(fields(facts({ outcomeOn: '2026-04-01' }))).toEqual(['body.outcomeOn']);
  });
  it('needs a party unless exempted, and a decision date needs its text', () => {
    expect(fields(facts({ partyCount: 0 }))).toEqual(['body.partyIds']);
    expect(fields(facts({ decisionOn: '2026-05-01' }))).toEqual(['body.decisionText']);
  });
});

describe('consultationWarnings', () => {
  it('warns about a decision while the consultation is open', () => {
    expect(consultationWarnings(facts({ decisionText: 'Beviljat' })).map((w) => w.code)).toEqual([
      'decision_while_open',
    ]);
  });
  it('warns about a decision dated before the consultation ended', () => {
    const c = facts({
      outcome: 'agreement',
      outcomeOn: '2026-05-01',
      decisionText: 'B',
      decisionOn: '2026-04-01',
    });
    expect(consultationWarnings(c).map((w) => w.code)).toEqual(['decision_before_outcome']);
  });
  it('no warning without a decision, or after the consultation ended', () => {
    expect(consultationWarnings(facts({}))).toEqual([]);
    const c = facts({
      outcome: 'agreement',
      outcomeOn: '2026-05-01',
      decisionText: 'B',
      decisionOn: '2026-05-02',
    });
    expect(consultationWarnings(c)).toEqual([]);
  });
});
