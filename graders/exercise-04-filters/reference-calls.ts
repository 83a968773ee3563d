/**
 * The hidden reference on the same models the student's process builds: the solution's function
 * runs here (cpu) on a model built from the same spec. Reference arguments are the spec and the
 * wire arguments only — deterministic functions of the case, so sealed recordings replay them.
 */
import { COURSE_MODEL_DIR } from '../../datasets/course-model.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import type { SolutionModule } from '../support/reference.ts';
import { fromStudent, toStudent, type Created } from '../support/sandbox/codec.ts';
import type { Wire } from '../support/sandbox/wire.ts';
import type { tf } from '../support/tf.ts';
import { buildModel, type ModelSpec } from './models.ts';

async function compute(solution: SolutionModule, fn: string, spec: ModelSpec, args: Wire[]): Promise<Wire> {
  const model = await buildModel(spec, { courseDir: COURSE_MODEL_DIR });
  const created: Created = { tensors: [], arrays: [] };
  const returned: tf.Tensor[] = [];
  try {
    const live = args.map((a) => toStudent(a, created));
    let result: unknown;
    try {
      result = await (solution[fn] as (...a: unknown[]) => unknown)(model, ...live);
    } catch (error) {
      return { $threw: error instanceof Error ? error.message : String(error) };
    }
    return await fromStudent(result, `reference ${fn}`, returned);
  } finally {
    for (const t of [...created.tensors, ...returned]) if (!t.isDisposed) t.dispose();
    model.dispose();
  }
}

/** The reference's `fn(model, ...args)` on the model `spec` describes (`{ $threw }` when it throws). */
export function referenceWithModel(ex: ExerciseGrader, fn: string, spec: ModelSpec, args: Wire[]): Promise<Wire> {
  return ex.reference.run(`${fn} on a model`, { model: spec, args }, (solution) => compute(solution, fn, spec, args));
}
