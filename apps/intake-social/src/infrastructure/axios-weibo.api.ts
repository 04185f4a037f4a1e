import axios, { AxiosInstance } from 'axios';
import { WeiboApi, WeiboPost, WeiboStream } from '../application/poll-weibo/weibo.api';

export interface WeiboApiSettings {
  baseUrl: string;
  accessToken: string;
  timeoutMs: number;
  pageSize: number;
  maxPages: number;
}

const PATHS: Record<WeiboStream, { path: string; list: 'statuses' | 'comments' }> = {
  mentions: { path: '/2/statuses/mentions.json', list: 'statuses' },
  comments: { path: '/2/comments/to_me.json', list: 'comments' },
};

interface RawPost {
  idstr?: string;
  id?: number | string;
  text?: string;
  created_at?: string;
  user?: { idstr?: string; id?: number | string };
  status?: { idstr?: string; id?: number | string };
}

/** The Weibo open API over HTTPS (axios): `statuses/mentions`, `comments/to_me`, `comments/create`, `comments/reply`. */
export class AxiosWeiboApi extends WeiboApi {
  private readonly http: AxiosInstance;

  constructor(private readonly settings: WeiboApiSettings) {
    super();
    this.http = axios.create({ baseURL: settings.baseUrl, timeout: settings.timeoutMs });
  }

  async fetch(stream: WeiboStream, sinceId: string | null): Promise<WeiboPost[]> {
    const { path, list } = PATHS[stream];
    const posts: WeiboPost[] = [];
    for (let page = 1; page <= this.settings.maxPages; page++) {
      const params = {
        access_token: this.settings.accessToken,
        count: this.settings.pageSize,
        page,
        ...(sinceId ? { since_id: sinceId } : {}),
      };
      const response = await this.http.get<Record<string, RawPost[] | undefined>>(path, { params });
      const raw = response.data?.[list] ?? [];
      posts.push(...raw.map(toPost).filter((post): post is WeiboPost => post !== undefined));
      if (raw.length < this.settings.pageSize) break;
    }
    return posts;
  }

  async commentOnStatus(statusId: string, text: string): Promise<void> {
    await this.post('/2/comments/create.json', { id: statusId, comment: text });
  }

  async replyToComment(commentId: string, statusId: string, text: string): Promise<void> {
    await this.post('/2/comments/reply.json', { cid: commentId, id: statusId, comment: text });
  }

  private async post(path: string, fields: Record<string, string>): Promise<void> {
    const form = new URLSearchParams({ access_token: this.settings.accessToken, ...fields });
    await this.http.post(path, form.toString(), { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}

function toPost(raw: RawPost): WeiboPost | undefined {
  const id = raw.idstr ?? (raw.id === undefined ? undefined : String(raw.id));
  const userId = raw.user?.idstr ?? (raw.user?.id === undefined ? undefined : String(raw.user.id));
  const createdAt = raw.created_at ? new Date(raw.created_at) : undefined;
  if (!id || !/^\d+$/.test(id) || !userId || !raw.text?.trim() || !createdAt || Number.isNaN(createdAt.getTime())) return undefined;
  const statusId = raw.status?.idstr ?? (raw.status?.id === undefined ? undefined : String(raw.status.id));
  return { id, text: raw.text.trim(), createdAt, userId, ...(statusId ? { statusId } : {}) };
}
