import { Readable } from 'node:stream';

/**
 * Relays `source` on demand only (highWaterMark 0: nothing is read ahead of the consumer) and, once the consumer
 * has taken every byte and asks for more, calls `beforeEnd` and ends. Piped into an SMTP DATA section, the end is
 * the final "."; the consumer only starts pulling after the server's 354, so `beforeEnd` runs with the whole
 * message on the wire and nothing but the "." left to send. `beforeEnd` is synchronous on purpose: between it and
 * the end there are only stream ticks (process.nextTick), never a promise continuation or I/O callback of other
 * work in this process. If it throws, the stream errors instead of ending and the server never gets a complete
 * message.
 */
export function holdEndUntil(source: Readable, beforeEnd: () => void): Readable {
  let wanted = false;
  let sourceEnded = false;
  let ending = false;
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
    try {
      beforeEnd();
    } catch (error) {
      relay.destroy(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    relay.push(null);
  };
  source.on('readable', pump);
  source.on('end', () => {
    sourceEnded = true;
    pump();
  });
  source.on('error', (error) => relay.destroy(error));
  return relay;
}
