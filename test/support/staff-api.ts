/** A JSON call to a service's staff API with a bearer token: the status and the parsed body. */
export async function staffCall(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

/** A case as `GET /v1/cases/{reference}` shows it to `token`; undefined while it is not there (yet) for them. */
export async function caseSeenBy(casesUrl: string, token: string, reference: string): Promise<Record<string, any> | undefined> {
  const res = await fetch(`${casesUrl}/v1/cases/${reference}`, { headers: { authorization: `Bearer ${token}` } });
  return res.status === 200 ? ((await res.json()) as Record<string, any>) : undefined;
}
