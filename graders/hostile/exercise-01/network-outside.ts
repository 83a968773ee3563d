import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description: 'tries to send data off the machine (TCP to a public address, DNS lookup): the sandbox has no network but its own loopback',
  category: 'os-network',
  edits: probe(
    "const net = await import('node:net'); const dns = await import('node:dns/promises'); try { await dns.lookup('registry.npmjs.org'); return 'resolved a name'; } catch { /* no DNS */ } return await new Promise((resolve) => { const socket = net.connect(443, '1.1.1.1', () => { socket.destroy(); resolve('reached 1.1.1.1'); }); socket.on('error', () => resolve(undefined)); setTimeout(() => resolve(undefined), 2000); });",
  ),
  expect: allPass['exercise-01'],
});
