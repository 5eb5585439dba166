import { Readable } from 'node:stream';

/**
 * Relays `source` on demand only (highWaterMark 0: nothing is read ahead of the consumer) and, once the consumer
 * has taken every byte and asks for more, awaits `beforeEnd` before ending. Piped into an SMTP DATA section, the
 * end is the final "."; the consumer only starts pulling after the server's 354, so `beforeEnd` runs with the
 * whole message on the wire and nothing but the "." left to send. If `beforeEnd` fails the stream errors instead
 * of ending, and the server never gets a complete message.
 */
export function holdEndUntil(source: Readable, beforeEnd: () => Promise<unknown>): Readable {
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
    beforeEnd().then(() => relay.push(null), (error: unknown) => relay.destroy(error instanceof Error ? error : new Error(String(error))));
  };
  source.on('readable', pump);
  source.on('end', () => {
    sourceEnded = true;
    pump();
  });
  source.on('error', (error) => relay.destroy(error));
  return relay;
}
