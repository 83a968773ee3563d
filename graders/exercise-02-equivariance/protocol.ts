/**
 * Exercise 02's driver ops, typed: imported by its driver (student's process) and its graders.
 */
import { protocol } from '../support/sandbox/driver-protocol.ts';
import type { WireNd } from '../support/sandbox/wire.ts';
import type { ProofReport, ProofRequest, StrideRequest } from './driver.ts';

/** Runs the student's property builder on an op of the zoo with fast-check; reports the run. */
export const checkPropertyOp = protocol<ProofRequest, ProofReport>('checkProperty');

/** tf.conv2d(x, kernel, 2, 'valid') in the student's process, for each already padded input. */
export const stride2ConvOp = protocol<StrideRequest, WireNd[]>('stride2Conv');
