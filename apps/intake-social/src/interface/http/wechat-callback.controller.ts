import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { CorrelationId, ProblemException, problem, validationProblem } from '@complaints/http';
import { ReceiveMessageUseCase } from '../../application/receive-message/receive-message.use-case';
import { sortedSha1, signatureMatches } from '../../domain/callback-signature';
import { customerReplies } from '../../domain/customer-replies';
import { WechatCrypto, WechatCryptoError } from '../../domain/wechat-crypto';
import { readWechatMessage, wechatEncryptedReply, wechatTextReply } from '../../domain/wechat-message';
import { socialMetrics } from '../social.metrics';
import { unavailable } from './unavailable';
import { queryValue, refusal, WechatSignatureGuard } from './callback-signature.guard';
import { CallbackReplays } from './callback-replays';
import { readWechatXml } from './wechat-xml.reader';

export interface WechatAccount {
  appId: string;
  token: string;
  crypto: WechatCrypto;
  /** Safe mode is configured (an EncodingAESKey): plaintext messages are refused unless this is set (WeChat's compatible mode, a migration). */
  acceptPlaintext: boolean;
  /** The official account's original id (gh_...): when set, a message to any other ToUserName is refused. */
  originalId?: string;
}

export const WECHAT_ACCOUNT = Symbol('WECHAT_ACCOUNT');

const XML = 'application/xml; charset=utf-8';

@ApiTags('wechat')
@Controller('v1/wechat/callback')
@UseGuards(WechatSignatureGuard)
@ApiResponse({
  status: 401,
  description:
    'Problem: stale `timestamp`, missing `nonce`, wrong `signature` or `msg_signature`, or a `nonce` already used with another request (a replay)',
})
@ApiResponse({ status: 503, description: 'Problem: the message could not be recorded (Retry-After); nothing was acknowledged' })
export class WechatCallbackController {
  constructor(
    private readonly receive: ReceiveMessageUseCase,
    @Inject(WECHAT_ACCOUNT) private readonly account: WechatAccount,
    private readonly replays: CallbackReplays,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Server URL check of the official account: answers the echostr when the signature is right' })
  @ApiQuery({ name: 'signature' })
  @ApiQuery({ name: 'timestamp' })
  @ApiQuery({ name: 'nonce' })
  @ApiQuery({ name: 'echostr' })
  @ApiResponse({ status: 400, description: 'Problem naming `echostr` when it is missing' })
  async handshake(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const echostr = queryValue(request, 'echostr');
    if (!echostr) throw validationProblem([{ field: 'echostr', message: 'echostr is required' }]);
    await this.replays.once('wechat', request, `echostr:${echostr}`);
    void reply.header('content-type', 'text/plain; charset=utf-8');
    return echostr;
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Messages and events of the official account (plaintext or AES safe mode)',
    description:
      'Text, voice (its Recognition text) and image messages become complaints; messages of one customer within the quiet window ' +
      'join one complaint. The passive reply gives the reference at once; a retried MsgId gets the same reply. ' +
      'A reply such as 满意, 不满意 or 1-5 from a customer whose case was resolved (survey outstanding) is recorded as their ' +
      'satisfaction answer (complaints.customer-responses.v1) and thanked instead. A signed query string is good for one request ' +
      '(the same request delivered again is answered as before; with another body it is a 401 replay). With an EncodingAESKey ' +
      'configured, plaintext messages are refused (403) unless WECHAT_ACCEPT_PLAINTEXT is on.',
  })
  @ApiResponse({
    status: 400,
    description: 'Problem naming the field: malformed XML, a DTD or entities, bad fields, an undecryptable `Encrypt`',
  })
  @ApiResponse({
    status: 403,
    description: 'Problem naming `encrypt_type` (plaintext while safe mode is required) or `ToUserName` (another account)',
  })
  async message(
    @Req() request: FastifyRequest,
    @Body() body: unknown,
    @Res({ passthrough: true }) reply: FastifyReply,
    @CorrelationId() correlationId: string,
  ): Promise<string> {
    const safeMode = queryValue(request, 'encrypt_type') === 'aes';
    if (!safeMode && !this.account.acceptPlaintext) throw plaintextRefused();
    let fields = readWechatXml(body);
    if (safeMode) {
      const encrypted = this.signedCiphertext(request, fields);
      await this.replays.once('wechat', request, `aes:${encrypted}`);
      fields = this.decrypt(encrypted);
    } else {
      await this.replays.once('wechat', request, `xml:${String(body)}`);
    }
    if (this.account.originalId && fields.ToUserName !== this.account.originalId) throw otherAccount();

    const inbound = readWechatMessage(fields, this.account.appId);
    let text: string | undefined;
    switch (inbound.kind) {
      case 'invalid':
        throw validationProblem(inbound.errors, 'The WeChat message has invalid fields.');
      case 'ignored':
        break;
      case 'subscribe':
        text = customerReplies.welcome();
        break;
      case 'unsupported':
        text = customerReplies.unsupported();
        break;
      case 'message':
        try {
          const recorded = await this.receive.execute(inbound.message, correlationId);
          socialMetrics.messages.inc({ channel: 'wechat', outcome: recorded.outcome });
          text = recorded.reply;
        } catch (error) {
          throw unavailable(error, 'The message could not be recorded right now; WeChat will retry it.');
        }
    }
    if (text === undefined) {
      void reply.header('content-type', 'text/plain; charset=utf-8');
      return 'success';
    }
    const plain = wechatTextReply(String(fields.FromUserName), String(fields.ToUserName), text, new Date());
    void reply.header('content-type', XML);
    return safeMode ? this.encrypt(plain) : plain;
  }

  /** The ciphertext of a safe-mode message, once `msg_signature` (over token, timestamp, nonce and the ciphertext) matches. */
  private signedCiphertext(request: FastifyRequest, envelope: Record<string, unknown>): string {
    const encrypted = envelope.Encrypt;
    if (typeof encrypted !== 'string' || !encrypted)
      throw validationProblem([{ field: 'Encrypt', message: 'Encrypt is required in safe mode' }]);
    const parts = [this.account.token, queryValue(request, 'timestamp')!, queryValue(request, 'nonce')!, encrypted];
    if (!signatureMatches(parts, queryValue(request, 'msg_signature')))
      throw refusal('wechat', 'msg_signature', 'msg_signature does not match');
    return encrypted;
  }

  private decrypt(encrypted: string): Record<string, unknown> {
    try {
      return readWechatXml(this.account.crypto.decrypt(encrypted), 'Encrypt');
    } catch (error) {
      if (error instanceof WechatCryptoError) {
        throw new ProblemException(
          problem(400, 'wechat-decrypt', error.message, { errors: [{ field: 'Encrypt', message: error.message }] }),
        );
      }
      throw error;
    }
  }

  private encrypt(plain: string): string {
    const encrypted = this.account.crypto.encrypt(plain);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = randomBytes(8).toString('hex');
    return wechatEncryptedReply(encrypted, sortedSha1([this.account.token, timestamp, nonce, encrypted]), timestamp, nonce);
  }
}

function plaintextRefused(): ProblemException {
  const message = 'safe mode is configured: messages must be encrypted (encrypt_type=aes with msg_signature)';
  return new ProblemException(problem(403, 'wechat-plaintext-refused', message, { errors: [{ field: 'encrypt_type', message }] }));
}

function otherAccount(): ProblemException {
  const message = 'the message is addressed to another official account';
  return new ProblemException(problem(403, 'wechat-other-account', message, { errors: [{ field: 'ToUserName', message }] }));
}
