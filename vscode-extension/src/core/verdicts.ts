// How the results view writes a verdict word and which colour class it gets.

/** A verdict with what it names: the proxy a pseudo-aligned policy pursues, the learner a mesa-optimizer implements. */
export interface NamedVerdict {
  verdict: string;
  proxy?: string | null;
  learner?: string | null;
}

/** "pseudo_aligned(GoToCorner)", "mesa_optimizer(gradient_descent)", else the word alone. */
export function verdictText(v: NamedVerdict): string {
  if (v.verdict === 'pseudo_aligned' && v.proxy) return `pseudo_aligned(${v.proxy})`;
  if (v.verdict === 'mesa_optimizer' && v.learner) return `mesa_optimizer(${v.learner})`;
  return v.verdict;
}

const verdictClass: Record<string, string> = {
  robustly_aligned: 'good',
  pseudo_aligned: 'warn',
  mesa_optimizer: 'warn',
  capability_failure: 'bad',
  indistinguishable: 'muted',
  inconclusive: 'muted',
};

/** The CSS class of a verdict word; an unknown word (or one like "constructor") is 'muted', never itself. */
export function verdictClassOf(verdict: unknown): string {
  return typeof verdict === 'string' && Object.prototype.hasOwnProperty.call(verdictClass, verdict) ? verdictClass[verdict] : 'muted';
}
