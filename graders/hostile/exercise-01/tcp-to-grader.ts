import { defineHostile } from '../../support/mutants/define.ts';
import { createServer } from 'node:net';
import { allPass, probe } from '../probe.ts';

// A listener on the grader's loopback, as an instructor's local service would be; the hostile is
// told its port. Unreferenced, so it never keeps verify alive; it answers nothing.
const server = createServer((socket) => socket.resume()).listen(0, '127.0.0.1');
server.unref();
await new Promise((resolve) => server.once('listening', resolve));
const port = (server.address() as { port: number }).port;

export default defineHostile({
  description:
    "opens a TCP socket to a listener on the grader's 127.0.0.1 and sends 6 kB: the sandbox's network namespace has its own loopback, so the connection is refused",
  category: 'os-network',
  edits: probe(
    `const net = await import('node:net'); return await new Promise((resolve) => { const socket = net.connect(${port}, '127.0.0.1', () => { socket.end(Buffer.alloc(6000)); resolve('connected to the grader'); }); socket.on('error', () => resolve(undefined)); setTimeout(() => resolve(undefined), 2000); });`,
  ),
  expect: allPass['exercise-01'],
});
