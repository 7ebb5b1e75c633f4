import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';

/** First byte of a TLS record of type handshake: every TLS connection starts with one. */
const TLS_HANDSHAKE = 0x16;
/** A socket that sends nothing at all is dropped after this long (slowloris). */
const FIRST_BYTE_TIMEOUT_MS = 10_000;
/** What a Host header may hold: a name or address and an optional port. */
const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The one port, when TLS is on. Participants type the address they see on
 * the projector, and browsers try `http://` first: instead of a connection
 * that answers nothing, a plain-HTTP request gets a redirect to the same
 * address over https. The first byte decides: a TLS handshake goes to the
 * HTTPS server, anything else to a tiny server that only redirects.
 * Sockets are handed over with the `connection` event, which Node's HTTP
 * and TLS servers accept for injected connections.
 */
export function sniffScheme(https: HttpServer): NetServer {
  const redirect = createHttpServer((req, res) => {
    const host = req.headers.host ?? '';
    if (!HOST_PATTERN.test(host)) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('This server speaks https only.\n');
      return;
    }
    const location = `https://${host}${req.url?.startsWith('/') ? req.url : '/'}`;
    res.writeHead(308, { location, 'content-type': 'text/plain; charset=utf-8' }).end(`This workshop is at ${location}\n`);
  });
  redirect.headersTimeout = 10_000;
  redirect.requestTimeout = 10_000;
  const server = createNetServer((socket: Socket) => {
    socket.setTimeout(FIRST_BYTE_TIMEOUT_MS, () => socket.destroy());
    socket.once('data', (chunk: Buffer) => {
      socket.setTimeout(0);
      socket.pause();
      socket.unshift(chunk);
      (chunk[0] === TLS_HANDSHAKE ? https : redirect).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
    socket.on('error', () => socket.destroy());
  });
  server.on('close', () => {
    redirect.closeAllConnections();
    redirect.close();
  });
  return server;
}
