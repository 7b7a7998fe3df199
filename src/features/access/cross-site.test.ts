import { describe, expect, test } from 'vitest';
import { crossSiteRefusal } from './cross-site.ts';

const base = { publicUrl: 'https://regionkraft.example.se', host: 'localhost:3000', secFetchSite: undefined };

describe('cross-site write refusal', () => {
  test('reads are never refused', () => {
    expect(crossSiteRefusal({ ...base, method: 'GET', origin: 'https://evil.example' })).toBeNull();
  });

  test('writes from the own host or the public URL pass', () => {
    expect(crossSiteRefusal({ ...base, method: 'POST', origin: 'http://localhost:3000' })).toBeNull();
    expect(
      crossSiteRefusal({ ...base, method: 'PATCH', origin: 'https://regionkraft.example.se' }),
    ).toBeNull();
    expect(
      crossSiteRefusal({ ...base, method: 'POST', origin: 'http://localhost', host: 'localhost:80' }),
    ).toBeNull();
  });

  test('writes from other origins, opaque origins and bad headers are refused', () => {
    for (const origin of [
      'https://evil.example',
      'http://localhost:3001',
      'null',
      'not a url',
      'https://regionkraft.example.se.evil.example',
    ]) {
      expect(crossSiteRefusal({ ...base, method: 'POST', origin }), origin).not.toBeNull();
    }
  });

  test('without Origin, the browser’s Sec-Fetch-Site decides; non-browser clients pass', () => {
    expect(
      crossSiteRefusal({ ...base, method: 'DELETE', origin: undefined, secFetchSite: 'cross-site' }),
    ).not.toBeNull();
    expect(
      crossSiteRefusal({ ...base, method: 'DELETE', origin: undefined, secFetchSite: 'same-site' }),
    ).not.toBeNull();
    expect(
      crossSiteRefusal({ ...base, method: 'DELETE', origin: undefined, secFetchSite: 'same-origin' }),
    ).toBeNull();
    expect(crossSiteRefusal({ ...base, method: 'DELETE', origin: undefined })).toBeNull();
  });
});
