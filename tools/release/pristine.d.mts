/** Types of pristine.mjs (the workflow's pristine step). */
export function makePristine(root: string, base: string | undefined): { file: string; action: string }[];
