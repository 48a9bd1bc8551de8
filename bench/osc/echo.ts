// The bare peer the OSC server is compared with: a Node UDP socket that sends every packet it
// receives, unchanged, to a reply port, as Oscine sends /wek/outputs to its output port.
// Run: node --import tsx bench/osc/echo.ts <listen-port> <reply-port>
import { createSocket } from 'node:dgram';

const [port, replyPort] = process.argv.slice(2).map(Number);
// The same receive buffer as Oscine's listening socket (src/node/osc/osc-server.ts).
const socket = createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
socket.on('message', (packet) => socket.send(packet, replyPort, '127.0.0.1'));
socket.bind(port, '127.0.0.1', () => console.log(`echo listening on ${port}, replying to ${replyPort}`));
process.on('SIGINT', () => socket.close());
process.on('SIGTERM', () => socket.close());
