import { defineHostile } from '../../support/mutants/define.ts';
import { forgeSend } from '../forge-send.ts';

// The attack of issue 13: no network worth the name, and every reply's `losses` rewritten to fall
// (2/2 when Part E read the losses the student's process measured). The grader now trains the
// network it is sent and measures the loss itself.
export default defineHostile({
  description: 'buildResNet returns a frozen flatten → dense model and wraps process.send so that any reported losses halve at every step',
  category: 'forged-report',
  edits: [
    {
      replaceFunction: 'buildResNet',
      with: `export function buildResNet(inputShape: [number, number, number], numClasses: number): tf.LayersModel {
  return tf.sequential({ layers: [tf.layers.flatten({ inputShape }), tf.layers.dense({ units: numClasses, activation: 'softmax', trainable: false })] });
}`,
    },
    forgeSend("(k: string, v: unknown): unknown => (k === 'losses' && Array.isArray(v) ? v.map((_, i) => 2 / 2 ** i) : v)"),
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'fail', E: 'fail' },
  messages: { E: 'buildResNet' },
});
