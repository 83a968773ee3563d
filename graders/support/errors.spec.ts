/**
 * The informativeness judge on a table of real messages, good and bad, for every kind of invalid
 * input the graders use. Good ones come from correct submissions in several styles (tfjs, numpy,
 * PyTorch-like wordings, the reference); bad ones name nothing given, or only what was expected.
 */
import { describe, expect, it } from 'vitest';
import { GradeFailure } from './failure.ts';
import { expectInformative, mentions, numbersIn, type Mention } from './errors.ts';

interface Row {
  /** The invalid input, as a grader describes it. */
  situation: string;
  required: Mention[];
  good: string[];
  bad: string[];
}

/** Messages that name nothing: wrong for every situation. */
const nameless = ['invalid input', 'Error', 'bad shape', '', 'Error in conv2d: invalid argument', 'something went wrong'];

const table: Row[] = [
  {
    situation: 'an image of rank 3 ([2, 2, 1]) where a matrix is expected',
    required: [{ rank: 3, shape: [2, 2, 1] }],
    good: [
      'image must be a 2-dimensional ndarray, but it has 3 dimension(s)',
      'Error in correlate2d: expected image of rank 2 [H, W], got shape [2, 2, 1].',
      'Expected a 2D image but got a 3D array',
      'image: expected 2-D, got 3-D',
      'image.ndim=3, expected 2',
      'expected 2 dimensions, got 3',
      'image has rank 3; expected rank 2',
      'image must be rank-2, got rank-3',
      'invalid image shape (2, 2, 1): expected (H, W)',
      'image of shape 2x2x1 is not a matrix',
      'image is three-dimensional; a matrix was expected',
      'Expected image to have 2 dims but it has 3.',
      'image must be 2D, got shape [2,2,1]',
      'image: ndim 3 given, 2 expected',
    ],
    bad: [
      'image must be 2-dimensional',
      'expected rank 2',
      'wrong number of dimensions',
      'image must be a 2D ndarray, got 3 channels',
      'expected a 2-D [H, W] image',
      'image shape [12, 2, 1] is wrong',
    ],
  },
  {
    situation: 'filters of rank 3 ([3, 3, 3]) where rank 4 is expected',
    required: [{ rank: 3, shape: [3, 3, 3] }],
    good: [
      'filters must be a 4-dimensional ndarray, but it has 3 dimension(s)',
      'expected filters of rank 4 [kh, kw, Cin, Cout], got shape [3, 3, 3].',
      'filters: expected 4 dims, got 3',
      'filters are 3-D (3×3×3); need 4-D',
    ],
    bad: [
      'expected filters of rank 4',
      'filters must be 4-D',
      'expected filters of rank 4, but the input has 3 channels',
      'filters must be [kh, kw, Cin, Cout]',
    ],
  },
  {
    situation: 'a 1×4 kernel on a 3×3 image with no padding',
    required: ['4', '3'],
    good: [
      'Error in correlate2d: the width of the kernel (4, 4 with dilation 1) must not exceed the padded input width (3 + 2·0 = 3).',
      'kernel 1x4 does not fit in image 3x3',
      'kernel width 4 > image width 3',
      'kernel (1, 4) larger than input (3, 3)',
    ],
    bad: ['kernel too large', 'kernel does not fit the image', 'kernel width 14 exceeds 3', 'kernel width 4.5 exceeds 3'],
  },
  {
    situation: 'an input with 3 channels and filters that expect 2',
    required: ['3', '2'],
    good: [
      'depth of input (3) must match the input depth of filters (2).',
      'input has 3 channels but filters expect 2',
      'channel mismatch: 3 != 2',
      'Cin mismatch: x[..., 3] vs filters[:, :, 2, :]',
    ],
    bad: ['channel mismatch', 'input and filters disagree on channels', 'filters expect 2 channels', 'rank-3 input'],
  },
  {
    situation: "padding 'full'",
    required: ['full'],
    good: ["expected padding to be 'valid', 'same' or a non-negative integer, got 'full'.", 'unknown padding "full"', 'padding=FULL is not supported'],
    bad: ["padding must be 'valid' or 'same'", 'unknown padding mode'],
  },
  {
    situation: 'padding -1',
    required: ['-1'],
    good: [
      'expected padding to be a non-negative integer, got -1.',
      'padding=-1',
      'padding (−1) must be ≥ 0',
      'padding must be non-negative: -1',
      'padding of -1 is negative',
    ],
    bad: ['padding must be non-negative', 'padding -10 is invalid', 'padding 1 is invalid', 'padding must be a rank-1 integer'],
  },
  {
    situation: 'dilation 1.5',
    required: ['1.5'],
    good: ['expected dilation to be a positive integer, got 1.5.', 'dilation 1.5 is not an integer', 'dilation=1.50 must be whole'],
    bad: ['dilation must be an integer', 'dilation got 1', 'dilation got 15', 'dilation got 1.55', 'dilation got 11.5'],
  },
  {
    situation: 'stride 0',
    required: ['stride', '0'],
    good: ['expected stride to be a positive integer, got 0.', 'stride=0 must be >= 1', 'invalid stride 0'],
    bad: ['stride must be positive', 'stride must be >= 1', 'stride 0.5 is not allowed', 'stride 10 is too large'],
  },
  {
    situation: 'a bias of shape [5] with 2 output channels',
    required: ['5', '2'],
    good: ['expected bias of shape [2] (one per output channel), got [5].', 'bias has 5 elements, expected 2', 'bias length 5 != Cout 2'],
    bad: ['bias has the wrong shape', 'bias must have one value per filter', 'expected bias of shape [2]'],
  },
  {
    situation: 'gradOutput [3, 3, 2] when conv2d gives [2, 2, 2]',
    required: [{ shape: [3, 3, 2] }],
    good: [
      'expected gradOutput of shape [2, 2, 2] (the output of conv2d), got [3, 3, 2].',
      'gradOutput shape (3, 3, 2) != output shape (2, 2, 2)',
      'gradOutput is 3x3x2, expected 2x2x2',
      'gradOutput must be 2×2×2, not 3×3×2',
    ],
    bad: ['gradOutput has the wrong shape', 'expected gradOutput of shape [2, 2, 2]', 'gradOutput must be 3-dimensional', 'gradOutput [3, 3] is wrong'],
  },
  {
    situation: 'an inputShape [28, 28] where [H, W, C] is expected',
    required: ['inputShape', { rank: 2, shape: [28, 28] }],
    good: [
      'Error in buildResNet: expected inputShape [H, W, C] of three positive integers, got [28,28].',
      'inputShape must have length 3, got 2',
      'inputShape (28, 28) has no channel axis',
      'inputShape: expected 3 dims, got 2',
    ],
    bad: ['inputShape must be [H, W, C]', 'inputShape is invalid', 'expected inputShape of length 3', 'inputShape has the wrong number of entries'],
  },
  {
    situation: 'an image of rank 1 ([4])',
    required: [{ rank: 1, shape: [4] }],
    good: [
      'image must be a 2-dimensional ndarray, but it has 1 dimension(s)',
      'expected image of rank 2, got shape [4].',
      'image is 1-D',
      'got shape (4,), expected (H, W)',
    ],
    bad: ['image must be 2-D', 'expected rank 2', 'image has 4 rows'],
  },
];

const thrown = (message: string) => ({ isError: true, name: 'Error', message });

describe('expectInformative judges a message by what it says was given', () => {
  for (const row of table) {
    describe(row.situation, () => {
      it.each(row.good)('accepts %j', (message) => {
        expect(() => expectInformative('f', `for ${row.situation}`, thrown(message), row.required)).not.toThrow();
      });
      it.each([...row.bad, ...nameless])('rejects %j', (message) => {
        expect(() => expectInformative('f', `for ${row.situation}`, thrown(message), row.required)).toThrow(GradeFailure);
      });
    });
  }

  it('rejects a thrown value that is not an Error, whatever it says', () => {
    expect(() => expectInformative('f', 'for padding -1', { isError: false, name: 'string', message: 'padding -1' }, ['-1'])).toThrow(/non-Error/);
  });

  it('says what the message should have mentioned', () => {
    expect(() => expectInformative('f', 'for an image of rank 3', thrown('bad'), [{ rank: 3, shape: [2, 2, 1] }])).toThrow(
      /its rank \(3\) or its shape \[2, 2, 1\]/,
    );
  });
});

describe('numbersIn', () => {
  it('reads signs, decimals and exponents, and tells a hyphen from a minus', () => {
    expect(numbersIn('got shape [2, 2, 1], padding=-1.5, rank-4, eps 1e-3, (−2)')).toEqual([2, 2, 1, -1.5, 4, 0.001, -2]);
  });
});

describe('mentions', () => {
  it('matches names as text, case-insensitively, and lists by any alternative', () => {
    expect(mentions("unknown padding 'FULL'", 'full')).toBe(true);
    expect(mentions('even kernel', ['odd', 'even'])).toBe(true);
    expect(mentions('kernel', ['odd', 'even'])).toBe(false);
  });
});
