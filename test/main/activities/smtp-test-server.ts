import { SMTPServer } from 'smtp-server';

export interface Received {
  messageId: string | null;
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package): the app's nodemailer transport talks
 * to it exactly as to a provider. It can refuse to start on demand by simply not listening.
 */
export class TestSmtp {
  readonly received: Received[] = [];
  private server: SMTPServer | null = null;

  constructor(
    readonly port: number,
    private readonly credentials = { user: 'ana', pass: 's3cret' },
  ) {}

  static async freePort(): Promise<number> {
    const probe = new SMTPServer({ disabledCommands: ['STARTTLS'] });
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.server.address() as { port: number }).port;
    await new Promise<void>((resolve) => probe.close(resolve));
    return port;
  }

  async start(): Promise<void> {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: false,
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.credentials.user && auth.password === this.credentials.pass)
          callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({
            messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1]?.trim() ?? null,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(resolve));
  }
}

/** The decoded text/plain and text/html parts of a received message, as a mail client would read them. */
export function mailParts(raw: string): { text: string | null; html: string | null } {
  const out: { text: string | null; html: string | null } = { text: null, html: null };
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(raw)?.[1];
  const sections = boundary ? raw.split(`--${boundary}`).slice(1, -1) : [raw];
  for (const section of sections) {
    const split = section.search(/\r?\n\r?\n/);
    const headers = section.slice(0, split);
    let body = section
      .slice(split)
      .replace(/^\r?\n\r?\n/, '')
      .replace(/\r?\n$/, '');
    const encoding = /Content-Transfer-Encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
    if (encoding === 'quoted-printable') {
      const bytes = body
        .replace(/=\r?\n/g, '')
        .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      body = Buffer.from(bytes, 'latin1').toString('utf8');
    } else if (encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
    body = body.replace(/\r\n/g, '\n');
    if (/Content-Type:\s*text\/plain/i.test(headers)) out.text = body;
    else if (/Content-Type:\s*text\/html/i.test(headers)) out.html = body;
  }
  return out;
}
