import { defineHostile } from '../../support/mutants/define.ts';
import { forgeSend } from '../forge-send.ts';

// Issue 13's attack on Parts A and D: a block with no skip connection, whose process describes
// the right block. Each residualBlock call also builds the correct block on the same input and
// describes it the way the grader's driver used to (data-flow graph, output shape, parameter
// counts); process.send puts that description in place of the real one. Part A read the
// description from the student's process: 3/3 (measured on the tree before 02:30). Now the
// driver sends the block itself (model.toJSON() and weights), the grader rebuilds it and
// describes it: no Add, 0/3.
export default defineHostile({
  description:
    'residualBlock leaves out the skip connection; process.send replaces the reported graph, shapes and parameter counts with those of a correct block',
  category: 'forged-report',
  edits: [
    {
      in: 'residualBlock',
      find: 'return apply(tf.layers.reLU(), apply(tf.layers.add(), [main, shortcut]));',
      replace: [
        'forged = describeForged(tf.model({ inputs: input, outputs: apply(tf.layers.reLU(), apply(tf.layers.add(), [main, shortcut])) }));',
        '  return apply(tf.layers.reLU(), main);',
      ].join('\n'),
    },
    {
      append: [
        'let forged: Record<string, unknown> | undefined;',
        '/** The description the old driver made of a model: graph walked back from the output, shapes, counts. */',
        'function describeForged(m: tf.LayersModel): Record<string, unknown> {',
        '  const nodes: unknown[] = [];',
        '  const seen = new Set<string>();',
        '  const visit = (layer: tf.layers.Layer, at: number): string => {',
        '    const id = `${layer.name}#${at}`;',
        '    if (seen.has(id)) return id;',
        '    seen.add(id);',
        '    const inbound = layer.inboundNodes[at];',
        '    const inputs = inbound.inboundLayers.map((l, k) => visit(l, inbound.nodeIndices[k]));',
        "    const flat = Object.entries(layer.getConfig()).filter(([, v]) => v === null || typeof v !== 'object' || Array.isArray(v));",
        '    nodes.push({ id, layer: layer.name, className: layer.getClassName(), inputs, config: Object.fromEntries(flat), weightShapes: layer.weights.map((w) => w.shape), applications: 1 });',
        '    return id;',
        '  };',
        '  const out = m.outputs[0];',
        '  const output = visit(out.sourceLayer as tf.layers.Layer, out.nodeIndex);',
        '  const trainable = m.trainableWeights.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);',
        '  return { graph: { nodes, output }, outputShape: out.shape, params: m.countParams(), trainable, leaked: 0 };',
        '}',
      ].join('\n'),
    },
    forgeSend('(k: string, v: unknown): unknown => (forged !== undefined && k in forged ? forged[k] : v)'),
  ],
  expect: { A: 'fail', B: 'fail', C: 'fail', D: 'fail' },
});
