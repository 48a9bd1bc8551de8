import { type Socket, createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIPv6 } from 'node:net';
import { InputError } from '../../core/errors.ts';

/** Room for bursts: a sensor patch may send hundreds of frames while a model loads. */
const RECEIVE_BUFFER_BYTES = 4 << 20;

/** A UDP port listened on, a socket to send from, and where to: both ends of an OSC conversation. */
export interface UdpEnds {
  readonly listener: Socket;
  readonly sender: Socket;
  /** The output host's address, looked up once: a name would be looked up again on every send. */
  readonly destination: string;
}

/** Binds `host:port` and looks up `outputHost`; a taken port or an unknown host is an InputError that says what to do. */
export async function openUdpEnds(host: string, port: number, outputHost: string): Promise<UdpEnds> {
  // IPv4 first: most patches listen on IPv4 only, and 'localhost' may resolve to ::1 before 127.0.0.1.
  const destination = await lookup(outputHost, { family: 4 })
    .catch(() => lookup(outputHost))
    .catch(() => {
      throw new InputError(`cannot find the output host '${outputHost}'; give its address, e.g. --out-host 127.0.0.1`);
    });
  const listener = createSocket({ type: isIPv6(host) ? 'udp6' : 'udp4', recvBufferSize: RECEIVE_BUFFER_BYTES });
  const sender = createSocket(destination.family === 6 ? 'udp6' : 'udp4');
  try {
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.bind(port, host, () => {
        listener.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    sender.close();
    listener.close();
    throw bindProblem(error as NodeJS.ErrnoException, host, port);
  }
  return { listener, sender, destination: destination.address };
}

function bindProblem(error: NodeJS.ErrnoException, host: string, port: number): Error {
  switch (error.code) {
    case 'EADDRINUSE':
      return new InputError(`UDP port ${port} on ${host} is in use (Wekinator, or another Oscine?); stop it or choose another port with --osc-port`);
    case 'EACCES':
      return new InputError(`this user may not listen on port ${port}; choose one above 1023 with --osc-port`);
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new InputError(`cannot listen on ${host}: it is not an address of this computer; use --host 127.0.0.1 (this computer only) or 0.0.0.0 (every network)`);
    default:
      return error;
  }
}
