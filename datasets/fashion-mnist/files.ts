import { fileURLToPath } from 'node:url';

/** The two splits, named as the loader takes them. */
export type FashionMnistSplit = 'train' | 'test';

/** Fashion-MNIST class names by label (Xiao, Rasul & Vollgraf 2017). */
export const FASHION_MNIST_CLASS_NAMES = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'] as const;

/** Upstream file names (without `.gz`), per split; the committed subset uses the same names. */
export const FASHION_MNIST_FILES: Record<FashionMnistSplit, { images: string; labels: string }> = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};

/** The committed subset: this folder. */
export const SUBSET_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Where Debian's `dataset-fashion-mnist` package installs the full set. */
export const DEBIAN_DIR = '/usr/share/datasets/fashion-mnist';

/** Images per class in the committed subset, per split: the first ones of each class, in file order. */
export const SUBSET_PER_CLASS: Record<FashionMnistSplit, number> = { train: 50, test: 20 };
