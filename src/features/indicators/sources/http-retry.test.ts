import { describe, expect, test } from 'vitest';
import { fakeFetch, fakeSleep, sourceErrorOf } from './http-fakes.ts';
import { backoffDelay, excerpt, getJson, getText, retryAfterMs } from './http-retry.ts';

const URL_A = 'https://example.test/a';

describe('http-retry', () => {
  test('back-off doubles from 500 ms', () => {
    expect([0, 1, 2, 3].map(backoffDelay)).toEqual([500, 1000, 2000, 4000]);
  });

  test('Retry-After in seconds or as a date, at most 30 s', () => {
    const now = Date.parse('2025-01-01T12:00:00Z');
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('600', now)).toBe(30_000);
    expect(retryAfterMs('Wed, 01 Jan 2025 12:00:07 GMT', now)).toBe(7000);
    expect(retryAfterMs('Wed, 01 Jan 2025 11:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('Thu, 02 Jan 2025 12:00:00 GMT', now)).toBe(30_000);
    for (const bad of [null, '', 'soon', '-1', '1.5'])
      expect(retryAfterMs(bad, now), String(bad)).toBeUndefined();
  });

  test('asks for JSON with a timeout signal', async () => {
    let seen: RequestInit | undefined;
    const fetch = (async (_: unknown, init?: RequestInit) => {
      seen = init;
      return new Response('{"ok":true}');
    }) as typeof globalThis.fetch;
    expect(await getJson(URL_A, { sourceName: 'X', fetch })).toEqual({ ok: true });
    expect(seen?.headers).toEqual({ accept: 'application/json' });
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });

  test('a request that times out is retried, then reported as unreachable', async () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    const { fetch, requested } = fakeFetch({}, timeout);
    const { sleep, waits } = fakeSleep();
    const error = await sourceErrorOf(
      getText(URL_A, { sourceName: 'SCB', fetch, sleep, maxRetries: 2, timeoutMs: 5000 }),
    );
    expect(error.code).toBe('NETWORK_UNREACHABLE');
    expect(error.message).toBe(
      'SCB could not be reached (no answer within 5 s; tried 3 times). Check the network connection or try again later.',
    );
    expect(requested).toHaveLength(3);
    expect(waits).toEqual([500, 1000]);
  });

  test('maxRetries 0 tries once', async () => {
    const { fetch, requested } = fakeFetch({}, { status: 503, body: 'busy' });
    const error = await sourceErrorOf(
      getText(URL_A, { sourceName: 'X', fetch, sleep: fakeSleep().sleep, maxRetries: 0 }),
    );
    expect(error.message).toBe(`X answered HTTP 503 to ${URL_A}: busy`);
    expect(requested).toHaveLength(1);
  });

  test('other 4xx fail at once; 2xx bodies pass through', async () => {
    const { fetch } = fakeFetch({ [URL_A]: { status: 400, body: 'URL too long' } }, { body: 'hello' });
    const error = await sourceErrorOf(getText(URL_A, { sourceName: 'Kolada', fetch }));
    expect([error.code, error.status]).toEqual(['SOURCE_HTTP_ERROR', 400]);
    expect(await getText('https://example.test/b', { sourceName: 'Kolada', fetch })).toBe('hello');
  });

  test('excerpts collapse whitespace and stop at 200 characters', () => {
    expect(excerpt('  a\n\n  b  ')).toBe('a b');
    expect(excerpt('x'.repeat(300))).toBe(`${'x'.repeat(200)}…`);
  });
});
