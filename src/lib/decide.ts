/**
 * The decision guide: seven questions about a workload and a recommendation with its reasons.
 * Hard limits decide first (GPUs, how long the work runs, held connections, image size); since
 * 2025 long work has several answers on the Lambda side (durable functions, Managed Instances,
 * MicroVMs) besides Fargate. Preferences (traffic shape, start-up latency, the team's container
 * experience) then tip the balance.
 */

export const questions = {
  runtime: ['short', 'workflow', 'job', 'session', 'long'],
  connections: ['none', 'websocket', 'persistent'],
  size: ['small', 'image', 'huge'],
  traffic: ['spiky', 'steady-low', 'steady-high'],
  gpu: ['no', 'yes'],
  startup: ['instant', 'seconds', 'relaxed'],
  team: ['new', 'some', 'expert'],
} as const;

export type QuestionId = keyof typeof questions;
export type Answers = { [Q in QuestionId]?: (typeof questions)[Q][number] };
export type Verdict = 'lambda' | 'fargate' | 'both' | 'neither' | 'durable' | 'managed' | 'microvm';

/** Why the guide leans one way; each has a sentence in the UI strings and an article to read. */
export type Reason =
  | 'gpu'
  | 'runtime-long'
  | 'runtime-short'
  | 'runtime-workflow'
  | 'runtime-job'
  | 'runtime-session'
  | 'persistent'
  | 'websocket'
  | 'size-huge'
  | 'size-small'
  | 'spiky'
  | 'steady-low'
  | 'steady-high'
  | 'steady-high-managed'
  | 'instant'
  | 'team-new'
  | 'team-expert'
  | 'both'
  | 'tie';

/** The calculator's worked examples: a small API, a steady API, a nightly batch. */
export type CalculatorPreset = 'a' | 'b' | 'c';

export interface Recommendation {
  verdict: Verdict;
  /** Other options worth pricing for the same workload, named beside the verdict. */
  alternatives: Verdict[];
  reasons: Reason[];
  /** Slugs of the articles that explain the reasons, most relevant first, without repeats. */
  articles: string[];
  /** The calculator scenario closest to the workload, when the calculator prices the verdict. */
  calculator?: CalculatorPreset | undefined;
}

/** The article that explains each reason. */
export const reasonArticle: Record<Reason, string> = {
  gpu: 'combining-lambda-and-fargate',
  'runtime-long': 'choosing-between-lambda-and-fargate',
  'runtime-short': 'choosing-between-lambda-and-fargate',
  'runtime-workflow': 'what-changed-in-2025-26',
  'runtime-job': 'what-changed-in-2025-26',
  'runtime-session': 'what-changed-in-2025-26',
  persistent: 'fargate-vs-lambda',
  websocket: 'serverless-building-blocks',
  'size-huge': 'lambda-or-fargate-serverless-compute',
  'size-small': 'serverless-building-blocks',
  spiky: 'scaling-limits-and-failure-modes',
  'steady-low': 'what-lambda-and-fargate-cost',
  'steady-high': 'the-whole-bill',
  'steady-high-managed': 'what-changed-in-2025-26',
  instant: 'start-up-latency-in-numbers',
  'team-new': 'lambda-or-fargate-serverless-compute',
  'team-expert': 'moving-between-lambda-and-fargate',
  both: 'combining-lambda-and-fargate',
  tie: 'choosing-between-lambda-and-fargate',
};

/** How many questions have an answer. */
export function answeredCount(answers: Answers): number {
  return (Object.keys(questions) as QuestionId[]).filter((q) => answers[q] !== undefined).length;
}

/**
 * The calculator scenario closest to the workload: the steady API for heavy steady traffic, the
 * nightly batch for long work, the small API otherwise; none where the calculator has no price.
 */
function calculatorFor(verdict: Verdict, answers: Answers): CalculatorPreset | undefined {
  if (verdict === 'neither' || verdict === 'microvm') return undefined;
  if (answers.traffic === 'steady-high') return 'b';
  if (answers.runtime === 'workflow' || answers.runtime === 'job' || answers.runtime === 'long') return 'c';
  return 'a';
}

/**
 * Recommends Lambda, Fargate, both together, a 2025–26 Lambda option (durable functions, Managed
 * Instances, MicroVMs) or neither, with the reasons that led there.
 */
export function recommend(answers: Answers): Recommendation {
  const done = (verdict: Verdict, reasons: Reason[], alternatives: Verdict[] = []): Recommendation => {
    const steadyHeavy = answers.traffic === 'steady-high' && verdict === 'fargate';
    const all: Reason[] = steadyHeavy ? [...reasons, 'steady-high-managed'] : reasons;
    return {
      verdict,
      alternatives: steadyHeavy ? [...new Set<Verdict>([...alternatives, 'managed'])] : alternatives,
      reasons: all,
      articles: [...new Set(all.map((r) => reasonArticle[r]))],
      calculator: calculatorFor(verdict, answers),
    };
  };

  // Neither service offers GPUs: that ends the comparison.
  if (answers.gpu === 'yes') return done('neither', ['gpu']);

  const needsFargate: Reason[] = [];
  if (answers.runtime === 'long') needsFargate.push('runtime-long');
  if (answers.connections === 'persistent') needsFargate.push('persistent');
  if (answers.size === 'huge') needsFargate.push('size-huge');

  const lambda: Reason[] = [];
  const fargate: Reason[] = [];
  let lambdaScore = 0;
  let fargateScore = 0;
  const lean = (side: 'lambda' | 'fargate', reason: Reason, weight: number) => {
    if (side === 'lambda') {
      lambda.push(reason);
      lambdaScore += weight;
    } else {
      fargate.push(reason);
      fargateScore += weight;
    }
  };
  if (answers.runtime === 'short') lean('lambda', 'runtime-short', 1);
  if (answers.connections === 'websocket') lean('lambda', 'websocket', 1);
  if (answers.size === 'small') lean('lambda', 'size-small', 1);
  if (answers.traffic === 'spiky') lean('lambda', 'spiky', 2);
  if (answers.traffic === 'steady-low') lean('lambda', 'steady-low', 1);
  if (answers.traffic === 'steady-high') lean('fargate', 'steady-high', 2);
  if (answers.startup === 'instant') lean('fargate', 'instant', 1);
  if (answers.team === 'new') lean('lambda', 'team-new', 1);
  if (answers.team === 'expert') lean('fargate', 'team-expert', 1);

  if (needsFargate.length > 0) {
    // The long or connection-holding part must run on Fargate; event-driven traits keep Lambda in.
    if (lambda.includes('spiky') || lambdaScore >= 3) return done('both', [...needsFargate, 'both', ...lambda]);
    return done('fargate', [...needsFargate, ...fargate]);
  }
  // Long work that a 2025–26 Lambda option now runs, when nothing else needs a container.
  if (answers.runtime === 'workflow') return done('durable', ['runtime-workflow', ...lambda], ['fargate']);
  if (answers.runtime === 'job') return done('managed', ['runtime-job', ...fargate], ['fargate']);
  if (answers.runtime === 'session') return done('microvm', ['runtime-session'], ['fargate']);
  if (fargateScore > lambdaScore) return done('fargate', fargate);
  if (lambdaScore > fargateScore) return done('lambda', lambda);
  return done('lambda', ['tie', ...lambda, ...fargate]);
}
