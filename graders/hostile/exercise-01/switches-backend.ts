import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'conv2dMatMul switches tfjs to the cpu backend while webgpu is being graded',
  category: 'backend',
  edits: [{ in: 'conv2dMatMul', find: "const fn = 'conv2dMatMul';", replace: "const fn = 'conv2dMatMul';\n  void tf.setBackend('cpu');" }],
  expect: { E: 'fail' },
  messages: { E: 'switched the tfjs backend to cpu while grading webgpu' },
  backends: ['webgpu'],
});
