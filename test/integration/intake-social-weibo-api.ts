import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakePost {
  idstr: string;
  text: string;
  created_at: string;
  user: { idstr: string };
  status?: { idstr: string };
}

/**
 * A real HTTP server speaking the Weibo open API calls the poller uses: mentions and comments
 * (newest first, `since_id`, `count`, `page`), and comment creation and replies (recorded).
 * `failWrites` makes the next write calls answer 500.
 */
export class WeiboApiServer {
  readonly mentions: FakePost[] = [];
  readonly comments: FakePost[] = [];
  readonly reads: Array<{ path: string; params: Record<string, string> }> = [];
  readonly writes: Array<{ path: string; form: Record<string, string>; status: number }> = [];
  failWrites = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(accessToken: string): Promise<WeiboApiServer> {
    // Assigned once the server listens; the request handler, created first, reads it.
    // eslint-disable-next-line prefer-const
    let api: WeiboApiServer | undefined;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        const send = (status: number, body: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (req.method === 'GET') {
          const params = Object.fromEntries(url.searchParams);
          api!.reads.push({ path: url.pathname, params });
          if (params.access_token !== accessToken) return send(403, { error: 'invalid_access_token', error_code: 21332 });
          const list =
            url.pathname === '/2/statuses/mentions.json'
              ? api!.mentions
              : url.pathname === '/2/comments/to_me.json'
                ? api!.comments
                : undefined;
          if (!list) return send(404, { error: 'not found' });
          const count = Number(params.count ?? 20);
          const page = Number(params.page ?? 1);
          const newer = list
            .filter((post) => !params.since_id || BigInt(post.idstr) > BigInt(params.since_id))
            .sort((a, b) => (BigInt(b.idstr) > BigInt(a.idstr) ? 1 : -1));
          const slice = newer.slice((page - 1) * count, page * count);
          return send(
            200,
            url.pathname.includes('mentions')
              ? { statuses: slice, total_number: newer.length }
              : { comments: slice, total_number: newer.length },
          );
        }
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
        const status = api!.failWrites > 0 ? 500 : form.access_token === accessToken ? 200 : 403;
        if (api!.failWrites > 0) api!.failWrites--;
        api!.writes.push({ path: url.pathname, form, status });
        send(status, status === 200 ? { id: Date.now(), text: form.comment } : { error: 'failed' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = new WeiboApiServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return api;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
