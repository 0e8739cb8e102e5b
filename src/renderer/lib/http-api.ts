import { buildApi, type ApiErrorBody, type CrmApi, type MethodName, type Result } from '../../shared/contract';
import type { Locale } from '../../shared/i18n/locales';
import { createEventStream } from './event-stream';

interface HttpApiOptions {
  getToken: () => string | null;
  getLocale: () => Locale;
  /** The client book the tab shows read-only (lib/book-view.ts), if any. */
  getBook?: () => string | null;
}

function failure(code: ApiErrorBody['code'], key: string, message: string): Result<never> {
  return { ok: false, error: { code, key, message } };
}

function isEnvelope(body: unknown): body is Result<unknown> {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean';
}

/** The web-mode door (docs: notes/web-protocol.md): POST /api/<method> with the tab's token. */
export function createHttpApi({ getToken, getLocale, getBook }: HttpApiOptions): CrmApi {
  async function call(method: MethodName, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    const book = getBook?.();
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${getToken() ?? ''}`,
          'Content-Type': 'application/json',
          'X-Crm-Locale': getLocale(),
          ...(book ? { 'X-Crm-Book': book } : {}),
        },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return failure('unavailable', 'errors.unavailable', 'The service is unavailable.');
    }
    // 401 has an empty body by design: the server says nothing to a caller without the token.
    if (response.status === 401) return failure('forbidden', 'errors.unauthorized', 'Missing or wrong access token.');
    try {
      const body: unknown = await response.json();
      if (isEnvelope(body)) return body;
    } catch {
      // fall through: not JSON
    }
    return failure('internal', 'errors.internal', `Unexpected answer (HTTP ${response.status}).`);
  }

  return buildApi(call, createEventStream(getToken));
}
