/**
 * The data-flow graph of a Layers model as plain data, and what the graders read from it: the
 * path from the input to the output as tokens (`input → conv3×3/2[8] → bn → relu → …`) and the
 * role of each layer of a residual block. Both follow the data flow, never the order of
 * `model.layers` (which tfjs reorders around an Add) or the order the layers were created in.
 *
 * Pure code, no tfjs: it runs in the student's process (the driver) and in the grader's.
 */

/** What the graders check of a layer's configuration (tfjs's `getConfig()`, reduced). */
export interface LayerConfig {
  [key: string]: number | string | boolean | number[] | null | undefined;
  filters?: number;
  kernelSize?: number[];
  strides?: number[];
  padding?: string;
  dilationRate?: number[];
  useBias?: boolean;
  activation?: string;
  units?: number;
  poolSize?: number[];
  axis?: number | number[];
  momentum?: number;
  epsilon?: number;
  center?: boolean;
  scale?: boolean;
  maxValue?: number | null;
}

/** One application of a layer (a tfjs `Node`): a vertex of the data-flow graph. */
export interface GraphNode {
  [key: string]: string | string[] | LayerConfig | number[][] | number;
  /** `<layer name>#<application>`. */
  id: string;
  layer: string;
  className: string;
  /** Ids of the nodes it reads, in order. */
  inputs: string[];
  config: LayerConfig;
  /** Shapes of the layer's weights, in tfjs's order (e.g. BN: γ, β, moving mean, moving variance). */
  weightShapes: number[][];
  /** How many times the layer is applied in this model. */
  applications: number;
}

/** A model's data-flow graph: every node that leads to the output. */
export interface Graph {
  [key: string]: GraphNode[] | string;
  nodes: GraphNode[];
  output: string;
}

/** A step of a path: a token, or a merge (Add) of branches that leave the same fork. */
export type Step = string | { merge: string; branches: Step[][] };

const pair = (p: number[] | undefined, joiner = '×'): string => (p === undefined ? '?' : p[0] === p[1] ? `${p[0]}` : p.join(joiner));
const square = (p: number[] | undefined): string => (p === undefined ? '?' : `${p[0]}×${p[1]}`);

/**
 * The settings that change what a window computes, written out. Settings that compute the same
 * function are written alike: a 1×1 window (kernel or pool) reads one pixel per output, so
 * 'valid' and 'same' padding give the same output at every stride and size ('same' pads
 * max((⌈n/s⌉ − 1)·s + 1 − n, 0) = 0), and dilating it changes nothing.
 */
function extras(c: LayerConfig, window: number[] | undefined): string {
  if (window?.every((k) => k === 1)) return '';
  const notes: string[] = [];
  if (c.padding !== undefined && c.padding !== 'same') notes.push(c.padding);
  if (c.dilationRate?.some((d) => d !== 1)) notes.push(`dilation ${pair(c.dilationRate)}`);
  return notes.length === 0 ? '' : `(${notes.join(', ')})`;
}

function activation(name: string | undefined): string[] {
  return name === undefined || name === 'linear' ? [] : [name];
}

/** The tokens one node contributes to a path (a linear Activation contributes none). */
export function tokensOf(node: GraphNode): string[] {
  const c = node.config;
  switch (node.className) {
    case 'InputLayer':
      return ['input'];
    case 'Conv2D':
      return [`conv${square(c.kernelSize)}/${pair(c.strides)}[${c.filters}]${extras(c, c.kernelSize)}`, ...activation(c.activation)];
    case 'Dense':
      return [`dense[${c.units}]`, ...activation(c.activation)];
    case 'BatchNormalization':
      return ['bn'];
    case 'Activation':
      return activation(c.activation);
    case 'ReLU':
      return [typeof c.maxValue === 'number' ? `relu(max ${c.maxValue})` : 'relu'];
    case 'Softmax':
      return ['softmax'];
    case 'MaxPooling2D':
      return [`maxpool${square(c.poolSize)}/${pair(c.strides)}${extras(c, c.poolSize)}`];
    case 'AveragePooling2D':
      return [`avgpool${square(c.poolSize)}/${pair(c.strides)}${extras(c, c.poolSize)}`];
    case 'GlobalAveragePooling2D':
      return ['global-avgpool'];
    case 'GlobalMaxPooling2D':
      return ['global-maxpool'];
    default:
      return [node.className.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()];
  }
}

/** Graph queries: nodes by id, ancestors and depths (memoised). */
class Dag {
  readonly byId = new Map<string, GraphNode>();
  private readonly ancestors = new Map<string, Set<string>>();
  private readonly depths = new Map<string, number>();

  constructor(graph: Graph) {
    for (const node of graph.nodes) this.byId.set(node.id, node);
  }

  node(id: string): GraphNode {
    const found = this.byId.get(id);
    if (found === undefined) throw new Error(`graph: no node ${id}`);
    return found;
  }

  /** The node and everything it reads from, directly or not. */
  ancestorsOf(id: string): Set<string> {
    let set = this.ancestors.get(id);
    if (set === undefined) {
      set = new Set([id]);
      for (const input of this.node(id).inputs) for (const a of this.ancestorsOf(input)) set.add(a);
      this.ancestors.set(id, set);
    }
    return set;
  }

  /** Longest distance from an input. */
  depthOf(id: string): number {
    let depth = this.depths.get(id);
    if (depth === undefined) {
      depth = Math.max(-1, ...this.node(id).inputs.map((i) => this.depthOf(i))) + 1;
      this.depths.set(id, depth);
    }
    return depth;
  }

  /** The deepest node every input of `id` reads from: where a residual connection forks. */
  forkOf(id: string): string | undefined {
    const [first, ...rest] = this.node(id).inputs.map((i) => this.ancestorsOf(i));
    const common = [...first].filter((a) => rest.every((s) => s.has(a)));
    return common.sort((a, b) => this.depthOf(b) - this.depthOf(a))[0];
  }
}

function key(branch: Step[]): string {
  return JSON.stringify(branch);
}

function walk(dag: Dag, id: string, stop: string | undefined): Step[] {
  if (id === stop) return [];
  const node = dag.node(id);
  if (node.inputs.length <= 1) {
    const before = node.inputs.length === 0 ? [] : walk(dag, node.inputs[0], stop);
    return [...before, ...tokensOf(node)];
  }
  const fork = dag.forkOf(id);
  const branches = node.inputs.map((input) => walk(dag, input, fork));
  // Longest branch first (the main path), so the order of the Add's inputs does not matter.
  branches.sort((a, b) => flatten(b).length - flatten(a).length || key(a).localeCompare(key(b)));
  const before = fork === undefined ? [] : walk(dag, fork, stop);
  return [...before, { merge: tokensOf(node)[0] ?? node.className, branches }];
}

/** The path from the model's input to its output, following the data flow. */
export function pathOf(graph: Graph): Step[] {
  return walk(new Dag(graph), graph.output, undefined);
}

/** A path as a flat list of tokens, merges written as `add(`, `|`, `)`. */
export function flatten(path: Step[]): string[] {
  return path.flatMap((step) =>
    typeof step === 'string'
      ? [step]
      : [`${step.merge}(`, ...step.branches.flatMap((b, i) => [...(i > 0 ? ['|'] : []), ...(b.length === 0 ? ['identity'] : flatten(b))]), ')'],
  );
}

/** A path as text: `input → add( conv3×3/1[8] → bn → … | identity ) → relu`. */
export function formatPath(path: Step[]): string {
  return path
    .map((step) =>
      typeof step === 'string' ? step : `${step.merge}( ${step.branches.map((b) => (b.length === 0 ? 'identity' : formatPath(b))).join(' | ')} )`,
    )
    .join(' → ');
}

/** The roles of a residual block's layers: which layer name plays each. */
export interface BlockRoles {
  [key: string]: string | undefined;
  conv1?: string;
  conv2?: string;
  projection?: string;
  bn1?: string;
  bn2?: string;
  bnProjection?: string;
}

/** The BN role that follows each convolution role. */
export const bnOf = { conv1: 'bn1', conv2: 'bn2', projection: 'bnProjection' } as const;
export type ConvRole = keyof typeof bnOf;
export type BnRole = (typeof bnOf)[ConvRole];

/** The nearest convolution a node reads through single-input layers, or undefined. */
function convBefore(dag: Dag, node: GraphNode): GraphNode | undefined {
  let current = node;
  while (current.inputs.length === 1) {
    current = dag.node(current.inputs[0]);
    if (current.className === 'Conv2D') return current;
  }
  return undefined;
}

/**
 * Finds the roles in a block's graph from the data flow alone: `conv1` is the 3×3 convolution
 * that reads the block's input, `conv2` the 3×3 one that reads conv1's output, `projection` the
 * 1×1 one, and each BN takes the role of the convolution it follows. Returns a sentence saying
 * what does not fit when the layers cannot be matched.
 */
export function blockRoles(graph: Graph): { roles: BlockRoles } | { problem: string } {
  const dag = new Dag(graph);
  const nodes = graph.nodes;
  const shared = nodes.find((n) => n.applications > 1 && n.weightShapes.length > 0);
  if (shared !== undefined)
    return { problem: `the layer ${shared.layer} is applied ${shared.applications} times; every convolution and BN of a block must be a new layer` };
  const nested = nodes.find((n) => ['Model', 'Functional', 'Sequential'].includes(n.className));
  if (nested !== undefined) return { problem: `${nested.layer} is a model used as a layer; apply the block's layers directly` };
  const convs = nodes.filter((n) => n.className === 'Conv2D');
  const isK = (n: GraphNode, k: number): boolean => n.config.kernelSize?.[0] === k && n.config.kernelSize?.[1] === k;
  const threes = convs.filter((n) => isK(n, 3));
  const ones = convs.filter((n) => isK(n, 1));
  if (threes.length !== 2 || ones.length > 1 || threes.length + ones.length !== convs.length) {
    const found = convs.map((n) => `${n.layer} (${square(n.config.kernelSize)})`).join(', ') || 'none';
    return { problem: `expected two 3×3 convolutions and at most one 1×1 convolution, found ${found}` };
  }
  const conv1 = threes.find((n) => convBefore(dag, n) === undefined);
  const conv2 = threes.find((n) => n !== conv1 && convBefore(dag, n) === conv1);
  if (conv1 === undefined || conv2 === undefined) {
    return { problem: 'expected one 3×3 convolution that reads the block input and a second 3×3 convolution that reads its output' };
  }
  const roles: BlockRoles = { conv1: conv1.layer, conv2: conv2.layer, projection: ones[0]?.layer };
  const roleOfConv = new Map<string, ConvRole>([
    [conv1.layer, 'conv1'],
    [conv2.layer, 'conv2'],
  ]);
  if (ones[0] !== undefined) roleOfConv.set(ones[0].layer, 'projection');
  for (const bn of nodes.filter((n) => n.className === 'BatchNormalization')) {
    const conv = convBefore(dag, bn);
    const role = conv === undefined ? undefined : roleOfConv.get(conv.layer);
    if (role === undefined) return { problem: `the batch normalisation ${bn.layer} follows no convolution` };
    if (roles[bnOf[role]] !== undefined)
      return { problem: `two batch normalisations (${roles[bnOf[role]]}, ${bn.layer}) follow the same convolution ${conv!.layer}` };
    roles[bnOf[role]] = bn.layer;
  }
  const known = new Set(Object.values(roles));
  const extra = nodes.find((n) => n.weightShapes.length > 0 && !known.has(n.layer));
  if (extra !== undefined) return { problem: `the layer ${extra.layer} (${extra.className}) has weights but is neither a convolution nor a BN of the block` };
  return { roles };
}
