/**
 * tfjs in the grader's process: the cpu backend, quiet. The grader uses tfjs as an independent
 * oracle (tf.conv2d, tf.grad) and to run references; the student's tensors live in their process.
 */
import * as tf from '@tensorflow/tfjs';

tf.env().set('PROD', true);
await tf.setBackend('cpu');

export { tf };
