import { defineHostile } from '../../support/mutants/define.ts';
import pureJs from '../../mutants/exercise-01/pure-js-in-part-e.ts';
import { forgeSend } from '../forge-send.ts';

// Issue 13's other Part E forgery: the values computed in plain JavaScript (no tf.matMul), and
// every kernel list the process reports gets a BatchMatMul added. Against the report this
// scored 3/3 (measured on the tree before 66da140). Now the grader hides tfjs's matrix-product kernels for one call and judges the
// answer: it is still right, so the answer needs no matrix product, whatever any report says.
export default defineHostile({
  description: 'conv2dMatMul convolves in plain JavaScript (Part D’s conv2d on the tensors’ data) and process.send adds BatchMatMul to every kernel list',
  category: 'forged-report',
  edits: [...pureJs.edits, forgeSend("(k: string, v: unknown): unknown => (k === 'kernels' && Array.isArray(v) ? [...v, 'BatchMatMul'] : v)")],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'fail' },
  messages: { E: 'computes without tf.matMul' },
  backends: ['cpu', 'webgpu'],
});
