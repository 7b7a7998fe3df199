/**
 * GET with retries, shared by the API sources. Network failures, HTTP 429 and 5xx are retried with
 * exponential back-off (500 ms, 1 s, 2 s, 4 s …), or after the server's Retry-After (capped); any
 * other HTTP error fails at once. `fetch` and `sleep` are injected so tests run without a network
 * and without waiting; the live path passes nothing and gets globalThis.fetch and a real timer.
 */
import { SourceError } from './source-error.ts';

export type Sleep = (ms: number) => Promise<void>;

export const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const DEFAULT_MAX_RETRIES = 4;
export const BASE_RETRY_DELAY_MS = 500;
export const MAX_RETRY_AFTER_MS = 30_000;
export const DEFAULT_TIMEOUT_MS = 60_000;

export type RetryOptions = {
  /** The service's name in messages, e.g. "Kolada" or "SCB". */
  sourceName: string;
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Retries after the first attempt (default 4, so at most 5 requests). */
  maxRetries?: number;
  /** Time allowed for one request, answer body included (default 60 s). */
  timeoutMs?: number;
};

/** The wait before retry number `retry` (0-based): 500 ms, 1 s, 2 s, 4 s, … */
export function backoffDelay(retry: number): number {
  return BASE_RETRY_DELAY_MS * 2 ** retry;
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds, at most 30 s. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const text = header?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // An HTTP date ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse alone would also take "-1".
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date - now, 0), MAX_RETRY_AFTER_MS);
}

/** Why a request failed, in a few words: the system error behind Node's "fetch failed". */
function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code;
    return cause.message || (typeof code === 'string' ? code : String(cause));
  }
  return error instanceof Error ? error.message : String(error);
}

/** The start of an answer body for a message: whitespace collapsed, at most `max` characters. */
export function excerpt(body: string, max = 200): string {
  const text = body.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** GETs `url` and returns the body of its 2xx answer, retrying as described above. */
export async function getText(url: string, options: RetryOptions): Promise<string> {
  const doFetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? sleepFor;
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const name = options.sourceName;
  for (let attempt = 0; ; attempt++) {
    const canRetry = attempt < maxRetries;
    let response: Response;
    let body: string;
    try {
      response = await doFetch(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
        // A redirect is answered as an HTTP error, so nothing can lead the import to another host.
        redirect: 'manual',
      });
      body = await response.text();
    } catch (error) {
      if (canRetry) {
        await sleep(backoffDelay(attempt));
        continue;
      }
      const tries = attempt + 1;
      throw new SourceError(
        'NETWORK_UNREACHABLE',
        `${name} could not be reached (${networkReason(error, timeoutMs)}${tries > 1 ? `; tried ${tries} times` : ''}). Check the network connection or try again later.`,
        { cause: error },
      );
    }
    if (response.ok) return body;
    const retryable = response.status === 429 || response.status >= 500;
    if (retryable && canRetry) {
      await sleep(retryAfterMs(response.headers.get('retry-after')) ?? backoffDelay(attempt));
      continue;
    }
    const statusText = response.statusText ? ` ${response.statusText}` : '';
    const tries = retryable && attempt > 0 ? ` (tried ${attempt + 1} times)` : '';
    const said = excerpt(body);
    throw new SourceError(
      'SOURCE_HTTP_ERROR',
      `${name} answered HTTP ${response.status}${statusText}${tries} to ${url}${said ? `: ${said}` : ''}`,
      { status: response.status },
    );
  }
}

/** GETs `url` like getText and parses the answer as JSON. */
export async function getJson(url: string, options: RetryOptions): Promise<unknown> {
  const body = await getText(url, options);
  try {
    return JSON.parse(body);
  } catch {
    throw new SourceError(
      'SOURCE_BAD_RESPONSE',
      `${options.sourceName} answered ${url} with something that is not JSON${body.trim() ? ` (it starts: ${excerpt(body, 80)})` : ' (an empty answer)'}`,
    );
  }
}
