import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  answeredWith: number;
}

/**
 * A real HTTP server standing in for an external system (a call centre, a gateway): it records
 * every request and answers with the status `respond` picks (e.g. fail twice, then succeed).
 */
export class RecordingServer {
  readonly requests: RecordedRequest[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** `respond` gives the status to answer with, or a status and a JSON body (default body: `{ ok }`). */
  static async start(
    respond: (request: Omit<RecordedRequest, 'answeredWith'>, index: number) => number | { status: number; body: unknown } = () => 200,
  ): Promise<RecordingServer> {
    // Assigned once the server listens; the request handler, created first, reads it.
    // eslint-disable-next-line prefer-const
    let instance: RecordingServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const request = {
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        };
        const answer = respond(request, instance!.requests.length);
        const { status, body } = typeof answer === 'number' ? { status: answer, body: { ok: answer < 300 } } : answer;
        instance!.requests.push({ ...request, answeredWith: status });
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    instance = new RecordingServer(server, `http://127.0.0.1:${port}`);
    return instance;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
