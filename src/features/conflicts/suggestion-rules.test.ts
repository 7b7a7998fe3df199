import { describe, expect, it } from 'vitest';
import {
  assessmentSuggestion,
  type EffortForSuggestions,
  hashInputs,
  matrixSuggestions,
  openSuggestions,
  samiPlaceSuggestion,
} from './suggestion-rules.ts';

const effort = (over: Partial<EffortForSuggestions>): EffortForSuggestions => ({
  id: 'e1',
  title: 'Vindpark',
  assessments: [],
  municipalities: [],
  samebyar: [],
  hasConsultation: false,
  ...over,
});

describe('assessmentSuggestion', () => {
  it('raises +2 on one dimension with −1 on another', () => {
    const s = assessmentSuggestion(
      effort({
        assessments: [
          { dimension: 'economic', score: 2 },
          { dimension: 'environmental', score: -1 },
        ],
      }),
    );
    expect(s).toMatchObject({
      key: 'assessment:e1',
      positive: [{ dimension: 'economic', score: 2 }],
      negative: [{ dimension: 'environmental', score: -1 }],
    });
  });

  it('raises −2 anywhere, even alone', () => {
    expect(
      assessmentSuggestion(effort({ assessments: [{ dimension: 'social', score: -2 }] })),
    ).not.toBeNull();
  });

  it('does not raise +1 with −1, +3 with 0, or −1 alone', () => {
    const none = [
      [
        { dimension: 'economic' as const, score: 1 },
        { dimension: 'social' as const, score: -1 },
      ],
      [
        { dimension: 'economic' as const, score: 3 },
        { dimension: 'social' as const, score: 0 },
      ],
      [{ dimension: 'social' as const, score: -1 }],
      [],
    ];
    for (const assessments of none) expect(assessmentSuggestion(effort({ assessments }))).toBeNull();
  });

  it('the hash changes with the scores, not with their order', () => {
    const a = [
      { dimension: 'economic' as const, score: 2 },
      { dimension: 'environmental' as const, score: -1 },
    ];
    const h1 = assessmentSuggestion(effort({ assessments: a }))?.inputsHash;
    const h2 = assessmentSuggestion(effort({ assessments: [...a].reverse() }))?.inputsHash;
    const h3 = assessmentSuggestion(
      effort({ assessments: [a[0] as (typeof a)[0], { dimension: 'environmental', score: -2 }] }),
    )?.inputsHash;
    expect(h1).toBe(h2);
    expect(h1).not.toBe(h3);
    // A score that did not raise it (0 on social) may change without bringing it back.
    const h4 = assessmentSuggestion(
      effort({ assessments: [...a, { dimension: 'social', score: 1 }] }),
    )?.inputsHash;
    expect(h4).toBe(h1);
  });
});

describe('samiPlaceSuggestion', () => {
  const presence = new Map([
    ['2309', ['sameby-jijnjevaerie', 'sameby-njaarke']],
    ['2321', ['sameby-njaarke']],
  ]);

  it('raises an effort reaching a municipality with a sameby and no Sami assessment', () => {
    const s = samiPlaceSuggestion(effort({ municipalities: ['2309', '2380'] }), presence);
    expect(s).toMatchObject({
      key: 'sami-place:e1',
      municipalities: ['2309'],
      samebyar: ['sameby-jijnjevaerie', 'sameby-njaarke'],
      samiScore: null,
    });
  });

  it('raises a named sameby with a score of −1', () => {
    const s = samiPlaceSuggestion(
      effort({ samebyar: ['sameby-kall'], assessments: [{ dimension: 'sami_conditions', score: -1 }] }),
      presence,
    );
    expect(s?.samebyar).toEqual(['sameby-kall']);
    expect(s?.samiScore).toBe(-1);
  });

  it('not when the Sami score is 0 or better, a consultation is on record, or no sameby is near', () => {
    expect(
      samiPlaceSuggestion(
        effort({ municipalities: ['2309'], assessments: [{ dimension: 'sami_conditions', score: 0 }] }),
        presence,
      ),
    ).toBeNull();
    expect(
      samiPlaceSuggestion(effort({ municipalities: ['2309'], hasConsultation: true }), presence),
    ).toBeNull();
    expect(samiPlaceSuggestion(effort({ municipalities: ['2380'] }), presence)).toBeNull();
  });
});

describe('matrixSuggestions and the queue', () => {
  it('lists cells of −2 and −3 only', () => {
    const s = matrixSuggestions('m', [
      { rowNodeId: 'a', columnNodeId: 'b', score: -2 },
      { rowNodeId: 'b', columnNodeId: 'a', score: -1.5 },
      { rowNodeId: 'a', columnNodeId: 'c', score: -3 },
      { rowNodeId: 'c', columnNodeId: 'a', score: null },
    ]);
    expect(s.map((x) => x.key)).toEqual(['matrix:m:a:b', 'matrix:m:a:c']);
  });

  it('a decision hides a suggestion until its inputs change', () => {
    const s = [
      { key: 'k1', inputsHash: 'h1' },
      { key: 'k2', inputsHash: 'h2' },
    ];
    expect(openSuggestions(s, new Map([['k1', 'h1']])).map((x) => x.key)).toEqual(['k2']);
    expect(openSuggestions(s, new Map([['k1', 'old']])).map((x) => x.key)).toEqual(['k1', 'k2']);
  });

  it('hashInputs is stable over key order', () => {
    expect(hashInputs({ a: 1, b: [1, 2] })).toBe(hashInputs({ b: [1, 2], a: 1 }));
    expect(hashInputs({ a: 1 })).not.toBe(hashInputs({ a: 2 }));
  });
});
