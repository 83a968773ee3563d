/**
 * tfjs 4.22's convolution kernel names (every backend uses the same names): exercise 01 removes
 * them all (Part E), and the runner watches every one of them for re-registration.
 */
export const convolutionKernelNames: readonly string[] = [
  'Conv2D',
  'FusedConv2D',
  'Conv2DBackpropInput',
  'Conv2DBackpropFilter',
  'Conv3D',
  'Conv3DBackpropFilterV2',
  'Conv3DBackpropInputV2',
  'DepthwiseConv2dNative',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
  'FusedDepthwiseConv2D',
];
