import { createTransport, Transporter } from 'nodemailer';
import type { Notification } from '../../domain/notification';
import { RouteGateway } from './route-gateway';

export interface EmailSettings {
  /** e.g. `smtp://user:pass@smtp.bank.example:587` or `smtps://…:465`. */
  smtpUrl: string;
  from: string;
  timeoutMs: number;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
}

/** E-mail over SMTP (nodemailer). The delivery id becomes the Message-ID, so a resend is recognisable. */
export class EmailGateway implements RouteGateway {
  private readonly transport: Transporter;

  constructor(private readonly settings: EmailSettings) {
    const url = new URL(settings.smtpUrl);
    for (const [name, value] of Object.entries({
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
    })) {
      url.searchParams.set(name, String(value));
    }
    this.transport = createTransport(url.toString());
  }

  async send(notification: Notification, address: string, idempotencyKey: string): Promise<void> {
    await this.sendMail(
      { to: address, subject: notification.subject, text: notification.text, headers: { 'X-Complaint-Reference': notification.reference } },
      idempotencyKey,
    );
  }

  /** Any message (the staff bulletin too: text and HTML alternatives). */
  async sendMail(mail: EmailMessage, idempotencyKey: string): Promise<void> {
    const domain = this.settings.from.split('@')[1]?.replace(/>$/, '') ?? 'complaints.local';
    try {
      await this.transport.sendMail({
        from: this.settings.from,
        ...mail,
        messageId: `<${idempotencyKey.replace(/[^A-Za-z0-9.-]/g, '.')}@${domain}>`,
      });
    } catch (error) {
      // No `cause` on purpose: the transport's error may carry the message and the SMTP login; its message alone travels.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`SMTP server refused or unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
