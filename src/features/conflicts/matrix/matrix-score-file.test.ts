import { describe, expect, test } from 'vitest';
import {
  parseScoreFile,
  RATIONALE_MAX_LENGTH,
  SCORE_FILE_HEADERS_EN,
  SCORE_FILE_HEADERS_SV,
  type ScoreFileNode,
  type ScoreFileScorer,
} from './matrix-score-file.ts';

const nodes: ScoreFileNode[] = [
  { id: 'n-are', label: 'Åre', key: 'M1' },
  { id: 'n-jij', label: 'Jijnjevaerie', key: 'M2' },
  { id: 'n-gron', label: 'Grön omställning', key: 'G1' },
  { id: 'n-komp', label: 'Kompetensförsörjning' },
];
const scorers: ScoreFileScorer[] = [
  { id: 's-anna', name: 'Anna Öberg' },
  { id: 's-lars', name: 'Lars' },
];

/** Records with the Swedish headers: [bedömare, rad, kolumn, poäng, motivering?]. */
const sv = (...rows: [string, string, string, string, string?][]) =>
  rows.map(([scorer, row, column, score, rationale]) => ({
    Bedömare: scorer,
    Rad: row,
    Kolumn: column,
    Poäng: score,
    Motivering: rationale ?? '',
  }));

const parse = (records: Record<string, string>[]) => parseScoreFile(records, nodes, scorers);

describe('parseScoreFile: good files', () => {
  test('Swedish headers: one score per row, rationale trimmed, empty rationale null', () => {
    const result = parse(
      sv(
        ['Anna Öberg', 'Åre', 'Jijnjevaerie', '2', '  Fler jobb ger fler invånare.  '],
        ['Lars', 'Grön omställning', 'Åre', '-3'],
        ['Lars', 'Kompetensförsörjning', 'Grön omställning', '0', '   '],
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.scores).toEqual([
      {
        scorerId: 's-anna',
        rowNodeId: 'n-are',
        columnNodeId: 'n-jij',
        score: 2,
        rationale: 'Fler jobb ger fler invånare.',
      },
      { scorerId: 's-lars', rowNodeId: 'n-gron', columnNodeId: 'n-are', score: -3, rationale: null },
      { scorerId: 's-lars', rowNodeId: 'n-komp', columnNodeId: 'n-gron', score: 0, rationale: null },
    ]);
  });

  test('English headers in any case, with spaces around, and without the rationale column', () => {
    const result = parse([
      { ' SCORER ': 'Lars', row: 'Åre', Column: 'Jijnjevaerie', 'Score ': '+1' },
      { ' SCORER ': 'Anna Öberg', row: 'Jijnjevaerie', Column: 'Åre', 'Score ': '-1' },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.scores).toEqual([
      { scorerId: 's-lars', rowNodeId: 'n-are', columnNodeId: 'n-jij', score: 1, rationale: null },
      { scorerId: 's-anna', rowNodeId: 'n-jij', columnNodeId: 'n-are', score: -1, rationale: null },
    ]);
  });

  test('English rationale column, Swedish and English headers mixed, and extra columns ignored', () => {
    const result = parse([
      { bedömare: 'Lars', RAD: 'Åre', column: 'M2', poäng: '3', Rationale: 'Se bilaga', Anteckning: 'x' },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.scores).toEqual([
      { scorerId: 's-lars', rowNodeId: 'n-are', columnNodeId: 'n-jij', score: 3, rationale: 'Se bilaga' },
    ]);
  });

  test('the exporter’s headers are read back', () => {
    expect(SCORE_FILE_HEADERS_SV).toEqual(['Bedömare', 'Rad', 'Kolumn', 'Poäng', 'Motivering']);
    const record = Object.fromEntries(
      SCORE_FILE_HEADERS_SV.map((h, i) => [
        h,
        ['Lars', 'Åre', 'G1', '−2', 'Konkurrerar om mark'][i] as string,
      ]),
    );
    expect(parse([record]).scores).toEqual([
      {
        scorerId: 's-lars',
        rowNodeId: 'n-are',
        columnNodeId: 'n-gron',
        score: -2,
        rationale: 'Konkurrerar om mark',
      },
    ]);
    const english = Object.fromEntries(
      SCORE_FILE_HEADERS_EN.map((h, i) => [h, ['Lars', 'Åre', 'G1', '-2', ''][i] as string]),
    );
    expect(parse([english]).scores).toHaveLength(1);
  });

  test('a BOM left on the first header does not hide it', () => {
    const result = parse([{ '\uFEFFBedömare': 'Lars', Rad: 'Åre', Kolumn: 'M2', Poäng: '1' }]);
    expect(result.problems).toEqual([]);
    expect(result.scores).toHaveLength(1);
  });

  test('nodes by label or key, and scorers by name: case, spaces and Unicode form do not matter', () => {
    const nfd = 'A\u030Are'; // Å as A + combining ring
    expect(nfd).not.toBe('Åre');
    const result = parse(
      sv(
        ['  anna öberg ', 'ÅRE', 'jijnjevaerie', '1'],
        ['LARS', nfd, '  m2  ', '1'],
        ['Lars', 'g1', 'KOMPETENSFÖRSÖRJNING', '1'],
        ['ANNA O\u0308BERG', 'JIJNJEVAERIE', 'grön omställning', '1'], // Ö as O + combining diaeresis
      ),
    );
    expect(result.problems).toEqual([]);
    expect(result.scores.map((s) => [s.scorerId, s.rowNodeId, s.columnNodeId])).toEqual([
      ['s-anna', 'n-are', 'n-jij'],
      ['s-lars', 'n-are', 'n-jij'],
      ['s-lars', 'n-gron', 'n-komp'],
      ['s-anna', 'n-jij', 'n-gron'],
    ]);
  });

  test('rows with every cell blank are skipped, and row numbers still count them', () => {
    const result = parse([
      ...sv(['Lars', 'Åre', 'M2', '1']),
      { Bedömare: '', Rad: '  ', Kolumn: '', Poäng: '', Motivering: '' },
      {},
      ...sv(['Lars', 'M2', 'Åre', 'x']),
    ]);
    expect(result.scores).toHaveLength(1);
    expect(result.problems).toEqual([
      { row: 5, column: 'Poäng', message: 'poängen måste vara ett heltal från −3 till +3, inte "x"' },
    ]);
  });

  test('no records: nothing, and no problems', () => {
    expect(parse([])).toEqual({ scores: [], problems: [] });
  });
});

describe('parseScoreFile: scores', () => {
  test('written with a plus, a minus, a Unicode minus or spaces', () => {
    const written = ['+2', '2', ' -1 ', '−1', '\u22123', '+3', '-3', '0', '+0', '-0', '\u00A01\u00A0'];
    const result = parse(
      written.map((score) => sv(['Lars', 'Åre', 'M2', score])[0] as Record<string, string>),
    );
    // Every row is the same cell, so only the first is a score; the rest are duplicates of row 2.
    expect(result.scores.map((s) => s.score)).toEqual([2]);
    for (const score of written) {
      const one = parse(sv(['Lars', 'Åre', 'M2', score]));
      expect(one.problems, JSON.stringify(score)).toEqual([]);
    }
    expect(written.map((score) => parse(sv(['Lars', 'Åre', 'M2', score])).scores[0]?.score)).toEqual([
      2, 2, -1, -1, -3, 3, -3, 0, 0, 0, 1,
    ]);
    expect(Object.is(parse(sv(['Lars', 'Åre', 'M2', '-0'])).scores[0]?.score, 0)).toBe(true);
  });

  test('anything but an integer from −3 to +3 is one problem on the score cell', () => {
    for (const bad of [
      '1,5',
      '1.5',
      '1.0',
      'abc',
      '4',
      '-4',
      '+4',
      '10',
      '--1',
      '+-1',
      '1 2',
      '2+',
      '½',
      '٣',
      'e',
    ]) {
      const result = parse(sv(['Lars', 'Åre', 'M2', bad]));
      expect(result.scores, bad).toEqual([]);
      expect(result.problems, bad).toEqual([
        {
          row: 2,
          column: 'Poäng',
          message: `poängen måste vara ett heltal från −3 till +3, inte ${JSON.stringify(bad)}`,
        },
      ]);
    }
    for (const blank of ['', '   ']) {
      expect(parse(sv(['Lars', 'Åre', 'M2', blank])).problems).toEqual([
        { row: 2, column: 'Poäng', message: 'poäng saknas: poängen måste vara ett heltal från −3 till +3' },
      ]);
    }
  });
});

describe('parseScoreFile: problems', () => {
  test('unknown scorer and nodes: one problem per bad cell, in row order, named by the file’s header', () => {
    const result = parse(
      sv(
        ['Lars', 'Åre', 'M2', '1'],
        ['X', 'Åre', 'M2', '1'],
        ['Lars', 'Östersund', 'Kiruna', '7'],
        ['Anna Öberg', 'M2', 'Åre', '-2'],
      ),
    );
    expect(result.scores.map((s) => s.scorerId)).toEqual(['s-lars', 's-anna']);
    expect(result.problems).toEqual([
      { row: 3, column: 'Bedömare', message: 'okänd bedömare "X"' },
      { row: 4, column: 'Rad', message: 'okänd nod "Östersund"' },
      { row: 4, column: 'Kolumn', message: 'okänd nod "Kiruna"' },
      { row: 4, column: 'Poäng', message: 'poängen måste vara ett heltal från −3 till +3, inte "7"' },
    ]);
  });

  test('problems carry the header as written in the file', () => {
    const result = parse([{ scorer: 'Nils', ' ROW ': 'Åre', column: 'M2', score: '1' }]);
    expect(result.problems).toEqual([{ row: 2, column: 'scorer', message: 'okänd bedömare "Nils"' }]);
  });

  test('blank scorer or node cells', () => {
    const result = parse(sv(['', 'Åre', ' ', '1']));
    expect(result.problems).toEqual([
      { row: 2, column: 'Bedömare', message: 'bedömare saknas' },
      { row: 2, column: 'Kolumn', message: 'nod saknas' },
    ]);
    // A record without the key at all is read as a blank cell.
    expect(
      parse([{ Bedömare: 'Lars', Rad: 'Åre', Poäng: '1', Kolumn: undefined as unknown as string }]).problems,
    ).toEqual([{ row: 2, column: 'Kolumn', message: 'nod saknas' }]);
  });

  test('a node against itself, also when named once by label and once by key', () => {
    const result = parse(
      sv(['Lars', 'Åre', 'Åre', '3'], ['Lars', 'åre', 'm1', '1'], ['Lars', 'M1', 'M2', '1']),
    );
    expect(result.problems).toEqual([
      { row: 2, column: 'Kolumn', message: 'en nod kan inte bedömas mot sig själv' },
      { row: 3, column: 'Kolumn', message: 'en nod kan inte bedömas mot sig själv' },
    ]);
    expect(result.scores).toHaveLength(1);
  });

  test('the same cell twice (same scorer, row and column), however the names are written', () => {
    const result = parse(
      sv(
        ['Lars', 'Åre', 'Jijnjevaerie', '1'],
        ['Anna Öberg', 'Åre', 'Jijnjevaerie', '2'], // another scorer: fine
        ['Lars', 'Jijnjevaerie', 'Åre', '2'], // the other direction: fine
        ['lars', 'M1', 'm2', '3'], // row 2 again
        ['LARS', 'åre', 'JIJNJEVAERIE', 'x'], // row 2 again, and a bad score
      ),
    );
    expect(result.scores.map((s) => s.score)).toEqual([1, 2, 2]);
    expect(result.problems).toEqual([
      { row: 5, message: 'cellen finns redan på rad 2' },
      { row: 6, column: 'Poäng', message: 'poängen måste vara ett heltal från −3 till +3, inte "x"' },
      { row: 6, message: 'cellen finns redan på rad 2' },
    ]);
  });

  test('a duplicate of a row with a bad score is still a duplicate of that row', () => {
    const result = parse(sv(['Lars', 'Åre', 'M2', '9'], ['Lars', 'Åre', 'M2', '1']));
    expect(result.scores).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, column: 'Poäng', message: 'poängen måste vara ett heltal från −3 till +3, inte "9"' },
      { row: 3, message: 'cellen finns redan på rad 2' },
    ]);
  });

  test('rationale: at most 2000 characters, counted as characters, not UTF-16 units', () => {
    expect(RATIONALE_MAX_LENGTH).toBe(2000);
    const longest = 'å'.repeat(2000);
    expect(parse(sv(['Lars', 'Åre', 'M2', '1', `  ${longest}  `])).scores[0]?.rationale).toBe(longest);
    const emoji = '🌲'.repeat(2000); // 4000 UTF-16 units, 2000 characters
    expect(parse(sv(['Lars', 'Åre', 'M2', '1', emoji])).scores[0]?.rationale).toBe(emoji);
    const result = parse(sv(['Lars', 'Åre', 'M2', '1', 'a'.repeat(2001)]));
    expect(result.scores).toEqual([]);
    expect(result.problems).toEqual([
      { row: 2, column: 'Motivering', message: 'motiveringen får vara högst 2000 tecken, den här har 2001' },
    ]);
  });

  test('ambiguous names are problems, not a guess', () => {
    const twins: ScoreFileNode[] = [
      { id: 'a', label: 'Turism', key: 'T1' },
      { id: 'b', label: 'turism ', key: 'T2' },
      { id: 'c', label: 'T2', key: 'C' }, // one node's label is another's key
      { id: 'd', label: 'Skog', key: 'skog' }, // label and key of the same node: not ambiguous
    ];
    const people: ScoreFileScorer[] = [
      { id: 'p1', name: 'Sara' },
      { id: 'p2', name: 'SARA' },
      { id: 'p3', name: 'Maja' },
    ];
    const records = sv(['Sara', 'Turism', 'T2', '1'], ['Maja', 'Skog', 'T1', '1']);
    const result = parseScoreFile(records, twins, people);
    expect(result.problems).toEqual([
      { row: 2, column: 'Bedömare', message: 'bedömaren "Sara" är tvetydig: flera bedömare har det namnet' },
      {
        row: 2,
        column: 'Rad',
        message: 'noden "Turism" är tvetydig: flera noder har den etiketten eller nyckeln',
      },
      {
        row: 2,
        column: 'Kolumn',
        message: 'noden "T2" är tvetydig: flera noder har den etiketten eller nyckeln',
      },
    ]);
    expect(result.scores).toEqual([
      { scorerId: 'p3', rowNodeId: 'd', columnNodeId: 'a', score: 1, rationale: null },
    ]);
  });

  test('long unknown names are shortened in messages', () => {
    const name = 'x'.repeat(80);
    expect(parse(sv([name, 'Åre', 'M2', '1'])).problems[0]?.message).toBe(
      `okänd bedömare "${'x'.repeat(50)}…"`,
    );
  });
});

describe('parseScoreFile: the header row', () => {
  test('missing required columns: one problem on row 1 naming them, and no rows read', () => {
    const result = parse([{ Bedömare: 'X', Rad: 'Åre', Motivering: 'utan kolumn och poäng' }]);
    expect(result.scores).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.row).toBe(1);
    expect(result.problems[0]?.column).toBeUndefined();
    expect(result.problems[0]?.message).toMatch(/^kolumnerna saknas: Kolumn, Poäng \(/);

    const one = parse([{ Bedömare: 'Lars', Rad: 'Åre', Kolumn: 'M2' }]);
    expect(one.problems.map((p) => [p.row, p.message.split(' (')[0]])).toEqual([
      [1, 'kolumnen saknas: Poäng'],
    ]);

    const none = parse([{ a: '1', b: '2' }]);
    expect(none.problems.map((p) => [p.row, p.message.split(' (')[0]])).toEqual([
      [1, 'kolumnerna saknas: Bedömare, Rad, Kolumn, Poäng'],
    ]);
    expect(none.problems[0]?.message).toContain('Scorer, Row, Column, Score, Rationale');
  });

  test('a column given twice (in Swedish and in English) is a problem on row 1', () => {
    const result = parse([{ Bedömare: 'Lars', Rad: 'Åre', Kolumn: 'M2', Poäng: '1', Score: '2' }]);
    expect(result).toEqual({
      scores: [],
      problems: [{ row: 1, message: 'samma kolumn finns två gånger: "Poäng" och "Score"' }],
    });
  });

  test('headers present only in later records still count', () => {
    // A decoder may leave out keys for empty trailing cells.
    const result = parse([
      { Bedömare: 'Lars', Rad: 'Åre', Kolumn: 'M2', Poäng: '1' },
      { Bedömare: 'Lars', Rad: 'M2', Kolumn: 'Åre', Poäng: '1', Motivering: 'Ja' },
    ]);
    expect(result.problems).toEqual([]);
    expect(result.scores.map((s) => s.rationale)).toEqual([null, 'Ja']);
  });
});

describe('parseScoreFile: text is only text', () => {
  test('injection-looking rationales are kept as written', () => {
    const texts = [
      '=HYPERLINK("http://example.com","klicka")',
      "'; DROP TABLE matrix_scores; --",
      '<script>alert("x")</script>',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal "${…}" is the point here
      '${process.exit(1)}',
      '@SUM(1+1)*cmd|" /C calc"!A0',
      'rad 1\nrad 2',
    ];
    const cells = [
      ['Åre', 'M2'],
      ['M2', 'Åre'],
      ['Åre', 'G1'],
      ['G1', 'Åre'],
      ['M2', 'G1'],
      ['G1', 'M2'],
    ];
    const result = parse(
      texts.map((t, i) => {
        const [row, column] = cells[i] as [string, string];
        return sv(['Lars', row, column, '1', t])[0] as Record<string, string>;
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.scores.map((s) => s.rationale)).toEqual(texts);
  });

  test('injection-looking names are matched or reported as plain text', () => {
    const odd: ScoreFileScorer[] = [{ id: 'bobby', name: "Robert'); DROP TABLE scorers;--" }];
    const result = parseScoreFile(
      sv(
        ["robert'); drop table scorers;--", 'Åre', 'M2', '2'],
        ["Robert'); DROP TABLE scorers;--", '<img src=x onerror=alert(1)>', '=1+1', '1'],
      ),
      nodes,
      odd,
    );
    expect(result.scores).toEqual([
      { scorerId: 'bobby', rowNodeId: 'n-are', columnNodeId: 'n-jij', score: 2, rationale: null },
    ]);
    expect(result.problems).toEqual([
      { row: 3, column: 'Rad', message: 'okänd nod "<img src=x onerror=alert(1)>"' },
      { row: 3, column: 'Kolumn', message: 'okänd nod "=1+1"' },
    ]);
  });

  test('quotes and line breaks in names are escaped in messages', () => {
    expect(parse(sv(['Anna "A"\nÖberg', 'Åre', 'M2', '1'])).problems[0]?.message).toBe(
      'okänd bedömare "Anna \\"A\\"\\nÖberg"',
    );
  });
});
