import { Socket } from 'node:net';
import { Readable, type Writable } from 'node:stream';

/** How nodemailer's DataStream ends a DATA section: ".\r\n", after the line break the body may lack. */
const DATA_TERMINATOR = new Set(['.\r\n', '\n.\r\n', '\r\n.\r\n']);

/** Whether a chunk written to an SMTP connection is the end of a DATA section, and nothing else. */
export function isDataTerminator(chunk: unknown): boolean {
  const text = Buffer.isBuffer(chunk) ? chunk.toString('latin1') : typeof chunk === 'string' ? chunk : undefined;
  return text !== undefined && DATA_TERMINATOR.has(text);
}

/**
 * Relays `source` on demand only (highWaterMark 0: nothing is read ahead of the consumer) and ends once the
 * consumer has taken every byte. Piped into an SMTP DATA section, that end becomes the final "." the consumer
 * writes to the connection; the consumer only starts pulling after the server's 354.
 *
 * `beforeEnd` runs inside the connection's write of that ".", right before it: the two writes are adjacent
 * system calls with no event-loop turn, tick or promise continuation between them, so a process killed at any
 * moment has made both or neither in all but a few microseconds. What `beforeEnd` returns is called right after
 * the write. Before it ends, the relay waits until no byte of the message waits in a buffer downstream (the
 * consumer's, the connection's), so the "." goes to the kernel at once. If `beforeEnd` throws, or the connection
 * is about to get anything but the ".", the connection is destroyed instead: the server never gets a complete
 * message.
 */
export function holdEndUntil(source: Readable, beforeEnd: () => void | (() => void)): Readable {
  let wanted = false;
  let sourceEnded = false;
  let ending = false;
  let consumer: Writable | undefined;
  const relay = new Readable({
    highWaterMark: 0,
    read() {
      wanted = true;
      pump();
    },
    destroy(error, callback) {
      source.destroy();
      callback(error);
    },
  });
  // The stream the relay is piped into (nodemailer's DataStream), and what that one is piped into (the connection).
  const pipe = relay.pipe.bind(relay);
  relay.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    consumer = destination as unknown as Writable;
    return pipe(destination, options);
  };
  const downstream = (): Writable[] => (consumer as unknown as { _readableState?: { pipes?: Writable[] } } | undefined)?._readableState?.pipes ?? [];
  /** No byte of the message waits in a buffer downstream: what is written next goes to the kernel at once. */
  const drained = () =>
    consumer !== undefined && consumer.writableLength === 0 && ((consumer as unknown as Readable).readableLength ?? 0) === 0 && downstream().every((w) => w.writableLength === 0);
  const end = () => {
    // Waiting for the connection costs nothing here: nothing is handed over yet, a crash now leaves a partial message.
    if (!drained()) {
      setImmediate(end);
      return;
    }
    const connection = downstream().find((w): w is Socket => w instanceof Socket);
    if (!connection) {
      relay.destroy(new Error('holdEndUntil: no connection downstream of the consumer to write the end to'));
      return;
    }
    const release = interceptNextWrite(connection, beforeEnd);
    // Ended or failed without writing the ".": the connection (pooled, reused) must not keep the interception.
    consumer!.once('close', release);
    relay.once('error', release);
    relay.push(null);
  };
  const pump = () => {
    if (!wanted || ending) return;
    let chunk: unknown;
    while ((chunk = source.read()) !== null) {
      if (!relay.push(chunk)) {
        wanted = false;
        return;
      }
    }
    if (!sourceEnded) return; // 'readable' or 'end' calls again
    ending = true;
    end();
  };
  source.on('readable', pump);
  source.on('end', () => {
    sourceEnded = true;
    pump();
  });
  source.on('error', (error) => relay.destroy(error));
  return relay;
}

/**
 * Calls `beforeWrite` inside the connection's next write, right before it, if that write is the DATA terminator,
 * and what it returns right after.
 */
function interceptNextWrite(connection: Socket, beforeWrite: () => void | (() => void)): () => void {
  const hadOwnWrite = Object.prototype.hasOwnProperty.call(connection, 'write');
  const write = connection.write;
  let installed = true;
  const release = () => {
    if (!installed) return;
    installed = false;
    if (hadOwnWrite) connection.write = write;
    else delete (connection as { write?: unknown }).write;
  };
  connection.write = function (this: Socket, chunk: unknown, ...rest: unknown[]): boolean {
    release();
    if (!isDataTerminator(chunk)) {
      connection.destroy(new Error('holdEndUntil: the connection was about to get something other than the final "."'));
      return false;
    }
    let afterWrite: void | (() => void);
    try {
      afterWrite = beforeWrite();
    } catch (error) {
      connection.destroy(error instanceof Error ? error : new Error(String(error)));
      return false;
    }
    try {
      return (write as (...args: unknown[]) => boolean).apply(this, [chunk, ...rest]);
    } finally {
      afterWrite?.();
    }
  } as Socket['write'];
  return release;
}
