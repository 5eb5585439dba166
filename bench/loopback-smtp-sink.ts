import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An SMTP server on a free loopback port that takes every message and answers at once (the hand-over benchmarks). */
export async function startLoopbackSink(): Promise<{ sink: SMTPServer; port: number; close: () => Promise<void> }> {
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  sink.on('error', () => undefined); // a killed sender's connection resets
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const port = (sink.server.address() as AddressInfo).port;
  return { sink, port, close: () => new Promise<void>((resolve) => sink.close(() => resolve())) };
}
