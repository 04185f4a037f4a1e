/** One invalid field of a request, as the services' problem+json documents name it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** A refused request (RFC 9457 problem details) or a network failure (status 0). */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
    /** The problem's `type` URI, which tells refusals of one status apart (e.g. `.../already-rated`). */
    readonly type?: string,
  ) {
    super(detail ?? title);
  }

  /** `error` when it is an ApiProblem, otherwise a network failure (status 0) carrying its message. */
  static of(error: unknown): ApiProblem {
    return error instanceof ApiProblem ? error : new ApiProblem(0, 'Network error', error instanceof Error ? error.message : String(error));
  }

  /** Worth trying again later: the network, a timeout, a rate limit or a service that is briefly down. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 408 || this.status === 429 || this.status >= 500;
  }

  /** The message for one field (`customer.phone`), if the service named it. */
  fieldMessage(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

/**
 * JSON over fetch, with the platform's error shape: any non-2xx answer becomes an ApiProblem
 * carrying the service's field errors; a network failure is an ApiProblem with status 0.
 */
export async function requestJson<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, headers, ...rest } = init;
  let response: Response;
  try {
    response = await fetch(url, {
      ...rest,
      headers: { accept: 'application/json', ...(json === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: json === undefined ? rest.body : JSON.stringify(json),
    });
  } catch (error) {
    throw new ApiProblem(0, 'Network error', error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  const body = text ? safeParse(text) : undefined;
  if (response.ok) return body as T;
  const problem = (body ?? {}) as { type?: string; title?: string; detail?: string; errors?: FieldProblem[] };
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiProblem(
    response.status,
    problem.title ?? response.statusText,
    problem.detail,
    Array.isArray(problem.errors) ? problem.errors : [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    typeof problem.type === 'string' ? problem.type : undefined,
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
