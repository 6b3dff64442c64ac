import type { Transporter } from 'nodemailer';
import type { Config } from '../config.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** An SMTP mailer from SMTP_URL (smtp:// or smtps://), or undefined when e-mail is not configured. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'smtpFrom'>): Mailer | undefined {
  if (!config.smtpUrl) return undefined;
  const smtpUrl = config.smtpUrl;
  // nodemailer is loaded with the first message, not at start: an instance that sends nothing never holds it.
  let transport: Promise<Transporter> | undefined;
  return {
    async send(message) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
      const smtp = await transport;
      await smtp.sendMail({
        from: config.smtpFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
    },
  };
}
