import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import {
  parseAreaFeatures,
  parsePopulationCsv,
  parseSamebyarCsv,
  parseSamiAdministrativeCsv,
  parseSdgs,
  parseSteeringFile,
  ReferenceDataError,
  samebyCode,
} from './reference-files.ts';

const dataDir = path.join(projectRoot, 'data');
const read = (...parts: string[]) => fs.readFileSync(path.join(dataDir, ...parts), 'utf8');

describe('the shipped data files are valid', () => {
  it('has the 8 municipalities of Jämtlands län with geometry', () => {
    const features = parseAreaFeatures('m', read('regions', '23', 'municipalities.geojson'));
    expect(features.map((f) => f.code).sort()).toEqual([
      '2303',
      '2305',
      '2309',
      '2313',
      '2321',
      '2326',
      '2361',
      '2380',
    ]);
    expect(features.find((f) => f.code === '2321')?.name).toBe('Åre');
  });

  it('has the 11 samebyar, keeping the confidence of each stated municipality', () => {
    const samebyar = parseSamebyarCsv('s', read('regions', '23', 'samebyar.csv'));
    expect(samebyar).toHaveLength(11);
    const handolsdalen = samebyar.find((s) => s.name === 'Handölsdalen');
    expect(handolsdalen?.code).toBe('sameby-handolsdalen');
    expect(handolsdalen?.municipalities.map((m) => m.code).sort()).toEqual(['2321', '2326', '2361']);
    const voernese = samebyar.find((s) => s.name === 'Voernese');
    expect(voernese?.municipalities).toEqual([]);
    expect(voernese?.note).toContain('not verified');
  });

  it('marks 6 of 8 municipalities as Sami administrative', () => {
    const rows = parseSamiAdministrativeCsv('x', read('regions', '23', 'samisk-forvaltningskommun.csv'));
    expect(
      rows
        .filter((r) => r.samiAdministrative)
        .map((r) => r.code)
        .sort(),
    ).toEqual(['2309', '2313', '2321', '2326', '2361', '2380']);
  });

  it('has population rows with sources, summing to the county total for 2024', () => {
    const rows = parsePopulationCsv('p', read('regions', '23', 'population.csv'));
    const y2024 = rows.filter((r) => r.year === 2024 && r.sex === 'total');
    const county = y2024.find((r) => r.areaCode === '23')?.value;
    const municipalities = y2024.filter((r) => r.areaCode.length === 4).reduce((s, r) => s + r.value, 0);
    expect(county).toBe(132839);
    expect(municipalities).toBe(county);
  });

  it('has 17 goals and 169 targets', () => {
    const goals = parseSdgs('sdg', read('sdg-goals-targets.json'));
    expect(goals.flatMap((g) => g.targets)).toHaveLength(169);
  });

  it('has the steering structure', () => {
    const steering = parseSteeringFile('s', read('regions', '23', 'steering.json'));
    expect(steering.documents.map((d) => d.diarienummer)).toEqual([
      'RUN/515/2018',
      'RUN/516/2020',
      'RUN/430/2018',
    ]);
    expect(steering.priorities).toHaveLength(3);
    expect(steering.strengthAreas.map((s) => s.name.sv)).toEqual([
      'Jord, skog och vatten',
      'Upplevelser',
      'Hållbar energi',
      'Digitala lösningar',
    ]);
  });
});

describe('broken files give errors that say where and why', () => {
  it('names the CSV line and column', () => {
    const csv = 'municipality_code,year,sex,value,source\n2380,2024,total,100,SCB\n2380,tjugo,both,-5,SCB\n';
    try {
      parsePopulationCsv('population.csv', csv);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ReferenceDataError);
      const message = (error as Error).message;
      expect(message).toContain('population.csv');
      expect(message).toContain('line 3: year');
      expect(message).toContain('line 3: sex');
      expect(message).toContain('line 3: value');
    }
  });

  it('rejects malformed CSV', () => {
    expect(() => parsePopulationCsv('p.csv', 'municipality_code,year\n"2380,2024\n')).toThrow(
      'not valid CSV',
    );
  });

  it('rejects invalid JSON and wrong shapes', () => {
    expect(() => parseSteeringFile('steering.json', '{')).toThrow('not valid JSON');
    expect(() => parseSteeringFile('steering.json', '{"goal":{}}')).toThrow(ReferenceDataError);
    expect(() => parseSdgs('sdg.json', '[]')).toThrow('17 goals');
    expect(() => parseAreaFeatures('m.geojson', '{"type":"FeatureCollection","features":[]}')).toThrow(
      ReferenceDataError,
    );
  });

  it('rejects a priority pointing at an unknown document', () => {
    const steering = JSON.parse(read('regions', '23', 'steering.json'));
    steering.priorities[0].documentKey = 'no-such-document';
    expect(() => parseSteeringFile('steering.json', JSON.stringify(steering))).toThrow('unknown documentKey');
  });
});

describe('samebyCode', () => {
  it('makes ASCII slugs from Sami and Swedish names', () => {
    expect(samebyCode('Tåssåsen')).toBe('sameby-tassasen');
    expect(samebyCode('Ruvhten Sijte')).toBe('sameby-ruvhten-sijte');
    expect(samebyCode('Handölsdalen')).toBe('sameby-handolsdalen');
  });
});
