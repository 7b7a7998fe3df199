/**
 * Test doubles for the API sources: a fetch that answers from recorded replies by URL and logs
 * what was asked for, and a sleep that only records how long it was asked to wait.
 */
import { SourceError } from './source-error.ts';

export type FakeReply = { status?: number; body?: string; headers?: Record<string, string> } | Error;

/** Answers each URL with its replies in turn (the last one repeats); other URLs get `fallback` or 404. */
export function fakeFetch(routes: Record<string, FakeReply | FakeReply[]>, fallback?: FakeReply) {
  const requested: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = input instanceof Request ? input.url : String(input);
    const served = requested.filter((u) => u === url).length;
    requested.push(url);
    const route = routes[url] ?? fallback;
    if (route === undefined) return new Response(`no recorded answer for ${url}`, { status: 404 });
    const replies = Array.isArray(route) ? route : [route];
    const reply = replies[Math.min(served, replies.length - 1)] as FakeReply;
    if (reply instanceof Error) throw reply;
    return new Response(reply.body ?? '', { status: reply.status ?? 200, headers: reply.headers });
  }) as typeof globalThis.fetch;
  return { fetch, requested };
}

export function fakeSleep() {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return { sleep, waits };
}

/** What Node's fetch throws when the host name cannot be resolved. */
export const dnsFailure = (host: string) =>
  new TypeError('fetch failed', { cause: new Error(`getaddrinfo ENOTFOUND ${host}`) });

/** The SourceError a promise rejects with (and a failed expectation if it does not). */
export async function sourceErrorOf(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SourceError))
    throw new Error(`Expected a SourceError, got ${error === undefined ? 'a result' : String(error)}`);
  return error;
}
