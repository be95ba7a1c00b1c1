/**
 * The decision guide: seven questions about a workload and a recommendation with its reasons.
 * Hard limits decide first (GPUs, run time, held connections, image size); preferences (traffic
 * shape, start-up latency, the team's container experience) then tip the balance.
 */

export const questions = {
  runtime: ['short', 'long'],
  connections: ['none', 'websocket', 'persistent'],
  size: ['small', 'image', 'huge'],
  traffic: ['spiky', 'steady-low', 'steady-high'],
  gpu: ['no', 'yes'],
  startup: ['instant', 'seconds', 'relaxed'],
  team: ['new', 'some', 'expert'],
} as const;

export type QuestionId = keyof typeof questions;
export type Answers = { [Q in QuestionId]?: (typeof questions)[Q][number] };
export type Verdict = 'lambda' | 'fargate' | 'both' | 'neither';

/** Why the guide leans one way; each has a sentence in the UI strings and an article to read. */
export type Reason =
  | 'gpu'
  | 'runtime-long'
  | 'runtime-short'
  | 'persistent'
  | 'websocket'
  | 'size-huge'
  | 'size-small'
  | 'spiky'
  | 'steady-low'
  | 'steady-high'
  | 'instant'
  | 'team-new'
  | 'team-expert'
  | 'both'
  | 'tie';

export interface Recommendation {
  verdict: Verdict;
  reasons: Reason[];
  /** Slugs of the articles that explain the reasons, most relevant first, without repeats. */
  articles: string[];
}

/** The article that explains each reason. */
export const reasonArticle: Record<Reason, string> = {
  gpu: 'combining-lambda-and-fargate',
  'runtime-long': 'choosing-between-lambda-and-fargate',
  'runtime-short': 'choosing-between-lambda-and-fargate',
  persistent: 'fargate-vs-lambda',
  websocket: 'serverless-building-blocks',
  'size-huge': 'lambda-or-fargate-serverless-compute',
  'size-small': 'serverless-building-blocks',
  spiky: 'fargate-vs-lambda',
  'steady-low': 'serverless-building-blocks',
  'steady-high': 'fargate-vs-lambda',
  instant: 'lambda-or-fargate-serverless-compute',
  'team-new': 'lambda-or-fargate-serverless-compute',
  'team-expert': 'fargate-vs-lambda',
  both: 'combining-lambda-and-fargate',
  tie: 'choosing-between-lambda-and-fargate',
};

/** How many questions have an answer. */
export function answeredCount(answers: Answers): number {
  return (Object.keys(questions) as QuestionId[]).filter((q) => answers[q] !== undefined).length;
}

/** Recommends Lambda, Fargate, both together, or neither, with the reasons that led there. */
export function recommend(answers: Answers): Recommendation {
  const done = (verdict: Verdict, reasons: Reason[]): Recommendation => ({
    verdict,
    reasons,
    articles: [...new Set(reasons.map((r) => reasonArticle[r]))],
  });

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
  if (fargateScore > lambdaScore) return done('fargate', fargate);
  if (lambdaScore > fargateScore) return done('lambda', lambda);
  return done('lambda', ['tie', ...lambda, ...fargate]);
}
