/**
 * Exercise 04's driver op, typed: imported by its driver (student's process) and its graders
 * (check.ts). The report comes from the student's process: check.ts judges it.
 */
import { protocol } from '../support/sandbox/driver-protocol.ts';
import type { ModelCall, ModelCallReport } from './model-call.ts';

/** Calls `fn(model, ...args)` of the student's module with a freshly built model; reports what happened. */
export const callWithModelOp = protocol<ModelCall, ModelCallReport>('callWithModel');
