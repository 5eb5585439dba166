import { Readable, type Writable } from 'node:stream';

/**
 * Relays `source` on demand only (highWaterMark 0: nothing is read ahead of the consumer) and, once the consumer
 * has taken every byte and asks for more, calls `beforeEnd` and ends. Piped into an SMTP DATA section, the end is
 * the final "."; the consumer only starts pulling after the server's 354, so `beforeEnd` runs with the whole
 * message on the wire and nothing but the "." left to send. It waits until no byte waits downstream (the consumer's
 * buffers and those of the stream it feeds, the socket), so the end is written to the kernel at once. `beforeEnd` is
 * synchronous on purpose: between it and the end there are only stream ticks (process.nextTick), never a promise
 * continuation or I/O callback of other work in this process. If it throws, the stream errors instead of ending and the server never gets a complete
 * message.
 */
export function holdEndUntil(source: Readable, beforeEnd: () => void): Readable {
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
  // The stream the relay is piped into (nodemailer's DataStream), and what that one is piped into (the socket).
  const pipe = relay.pipe.bind(relay);
  relay.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    consumer = destination as unknown as Writable;
    return pipe(destination, options);
  };
  /** No byte of the message waits in a buffer downstream: what is written next goes to the kernel at once. */
  const drained = () => {
    if (!consumer) return true;
    const next = ((consumer as unknown as { _readableState?: { pipes?: Writable[] } })._readableState?.pipes ?? []);
    return consumer.writableLength === 0 && ((consumer as unknown as Readable).readableLength ?? 0) === 0 && next.every((w) => w.writableLength === 0);
  };
  const end = () => {
    // Waiting for the socket costs nothing here: nothing is handed over yet, a crash now leaves a partial message.
    if (!drained()) {
      setImmediate(end);
      return;
    }
    try {
      beforeEnd();
    } catch (error) {
      relay.destroy(error instanceof Error ? error : new Error(String(error)));
      return;
    }
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
