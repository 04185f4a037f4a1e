import { randomBytes } from 'node:crypto';
import Fastify, { FastifyInstance, FastifyRequest } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { newReference } from '@complaints/contracts';
import { signatureMatches, sortedSha1 } from '../apps/intake-social/src/domain/callback-signature';
import { WechatCrypto } from '../apps/intake-social/src/domain/wechat-crypto';
import { wechatEncryptedReply, wechatTextReply } from '../apps/intake-social/src/domain/wechat-message';

/**
 * The wechat scenario's baseline: the least a server can do to answer an official-account push
 * with a passive reply. Bare Fastify (no Nest, no PostgreSQL, no Kafka): checks the query signature
 * (and in safe mode msg_signature, then decrypts), validates and parses the XML with fast-xml-parser
 * (the service's parser options), and answers a fixed text reply with a fresh reference (encrypted
 * in safe mode). Nothing is stored.
 *
 * Child process of the bench: `node dist/bench/baseline-wechat-server.js`, settings from
 * BASELINE_HOST, BASELINE_PORT, WECHAT_TOKEN, WECHAT_APP_ID and WECHAT_ENCODING_AES_KEY.
 */

const parser = new XMLParser({
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  processEntities: false,
  trimValues: false,
});

interface WechatQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  encrypt_type?: string;
  msg_signature?: string;
}

function buildApp(token: string, crypto: WechatCrypto): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  for (const type of ['text/xml', 'application/xml']) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  }
  app.get('/health/ready', () => Promise.resolve({ status: 'ok' }));
  app.post('/v1/wechat/callback', async (request: FastifyRequest<{ Querystring: WechatQuery }>, reply) => {
    const { signature, timestamp = '', nonce = '', encrypt_type: encryptType, msg_signature: msgSignature } = request.query;
    if (!signatureMatches([token, timestamp, nonce], signature)) return reply.code(401).send({ check: 'signature' });
    const safeMode = encryptType === 'aes';
    let fields = readXml(request.body);
    if (!fields) return reply.code(400).send({ field: 'body' });
    if (safeMode) {
      const encrypted = fields.Encrypt;
      if (typeof encrypted !== 'string' || !signatureMatches([token, timestamp, nonce, encrypted], msgSignature))
        return reply.code(401).send({ check: 'msg_signature' });
      fields = readXml(crypto.decrypt(encrypted));
      if (!fields) return reply.code(400).send({ field: 'Encrypt' });
    }
    const reference = newReference('wechat', new Date());
    const plain = wechatTextReply(
      String(fields.FromUserName),
      String(fields.ToUserName),
      `您好，您的投诉已受理，受理编号：${reference}。`,
      new Date(),
    );
    void reply.header('content-type', 'application/xml; charset=utf-8');
    if (!safeMode) return plain;
    const encrypted = crypto.encrypt(plain);
    const replyTimestamp = String(Math.floor(Date.now() / 1000));
    const replyNonce = randomBytes(8).toString('hex');
    return wechatEncryptedReply(encrypted, sortedSha1([token, replyTimestamp, replyNonce, encrypted]), replyTimestamp, replyNonce);
  });
  return app;
}

function readXml(raw: unknown): Record<string, unknown> | undefined {
  if (typeof raw !== 'string' || XMLValidator.validate(raw) !== true) return undefined;
  const root = (parser.parse(raw) as { xml?: unknown }).xml;
  return typeof root === 'object' && root !== null && !Array.isArray(root) ? (root as Record<string, unknown>) : undefined;
}

async function main(): Promise<void> {
  const token = process.env.WECHAT_TOKEN ?? 'dev-wechat-token';
  const appId = process.env.WECHAT_APP_ID ?? 'wxdev0000000000000';
  const crypto = new WechatCrypto(appId, [process.env.WECHAT_ENCODING_AES_KEY ?? 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG']);
  const app = buildApp(token, crypto);
  const url = await app.listen({ host: process.env.BASELINE_HOST ?? '127.0.0.1', port: Number(process.env.BASELINE_PORT ?? 0) });
  process.stdout.write(`wechat baseline listening on ${url}\n`);
  const shutdown = () => {
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`wechat baseline failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
