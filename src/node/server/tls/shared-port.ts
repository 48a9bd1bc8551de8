import { type Server as NetServer, createServer } from 'node:net';

/** The first byte of every TLS connection: a handshake record. */
const TLS_HANDSHAKE = 0x16;

/**
 * One port for https and for a plain http:// address typed by hand: each connection goes to
 * `secure` when it opens with a TLS handshake, to `plain` otherwise (which sends it to https).
 */
export function sharePort(secure: NetServer, plain: NetServer): NetServer {
  return createServer((socket) => {
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE ? secure : plain).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
}
