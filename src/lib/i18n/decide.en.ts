import type { QuestionId, Reason, Verdict, questions } from '../decide';

/** Wording of the decision guide; mapped from the questions so no option or reason can be missed. */
export interface DecideStrings {
  questions: { [Q in QuestionId]: { label: string; options: { [O in (typeof questions)[Q][number]]: string } } };
  reasons: Record<Reason, string>;
  verdicts: Record<Verdict, string>;
  /** "Also worth pricing: …", naming the alternatives. */
  alternatives: (names: string) => string;
  calculator: string;
  /** Between names in a list. */
  sep: string;
}

export const decideEn: DecideStrings = {
  questions: {
    runtime: {
      label: 'How long does the longest single piece of work run?',
      options: {
        short: 'Up to 15 minutes',
        workflow: 'Hours or days, as steps with waits and retries',
        job: 'One job of up to 90 minutes, started asynchronously',
        session: 'An isolated session of up to 8 hours (running users’ code, for example)',
        long: 'Longer, or it runs all the time (a service)',
      },
    },
    connections: {
      label: 'Does it hold connections open?',
      options: {
        none: 'No: request and response',
        websocket: 'WebSockets through API Gateway',
        persistent: 'Yes: long-lived connections the server keeps (gRPC streams, TCP, SSE)',
      },
    },
    size: {
      label: 'How big is the code with its dependencies?',
      options: { small: 'Up to 250 MB unzipped', image: 'A container image up to 10 GB', huge: 'More than 10 GB' },
    },
    traffic: {
      label: 'What does the traffic look like?',
      options: {
        spiky: 'Spiky or unpredictable, often idle',
        'steady-low': 'Steady but light',
        'steady-high': 'Steady and heavy, around the clock',
      },
    },
    gpu: { label: 'Does it need a GPU?', options: { no: 'No', yes: 'Yes' } },
    startup: {
      label: 'How fast must the first response be after a quiet period?',
      options: {
        instant: 'Always fast, even the first request',
        seconds: 'A second or two is fine',
        relaxed: 'Minutes are fine (batch)',
      },
    },
    team: {
      label: 'How much container experience does the team have?',
      options: { new: 'Little or none', some: 'Some', expert: 'A lot: we run containers today' },
    },
  },
  reasons: {
    gpu: 'Neither Lambda nor Fargate offers GPUs. GPU work runs on Amazon ECS or EKS with EC2 instances (or ECS Managed Instances).',
    'runtime-long':
      'A standard Lambda invocation stops after 15 minutes and no Lambda option runs a service for good; a Fargate task runs until it finishes.',
    'runtime-short': 'Work that finishes within 15 minutes fits a standard Lambda invocation.',
    'runtime-workflow':
      'Durable functions checkpoint each step and replay after a wait, so one execution can last up to a year while each invocation stays within 15 minutes and waits cost no compute.',
    'runtime-job':
      'On Lambda Managed Instances an asynchronous invocation can run 90 minutes. They bill EC2 prices plus a 15 % fee and keep three instances running; for rare jobs a Fargate task per job costs less.',
    'runtime-session':
      'Lambda MicroVMs keep an isolated, stateful VM for up to 8 hours, billed per second while it runs (rates are third-party so far). A Fargate task is the alternative when the session must run longer.',
    persistent: 'Connections held open by your own server need a process that keeps running: a Fargate task.',
    websocket: 'API Gateway keeps WebSocket connections open for you and calls Lambda per message.',
    'size-huge': 'Lambda container images are limited to 10 GB; Fargate gives each task up to 200 GiB of storage.',
    'size-small': 'A small package deploys straight to Lambda, with no image to build and store.',
    spiky: 'Lambda costs nothing while idle and scales out per request, which suits bursts.',
    'steady-low': 'At light traffic, paying per request usually costs less than keeping tasks running.',
    'steady-high':
      'Above the break-even traffic, always-on Fargate tasks cost less than per-request billing, front door included.',
    'steady-high-managed':
      'Lambda Managed Instances are the other answer to steady heavy traffic: the same Lambda code on EC2 prices with no cold starts, at three instances or more.',
    instant:
      'Running tasks have no cold starts. On Lambda, provisioned concurrency or SnapStart can close the gap, at a price.',
    'team-new': 'Lambda asks the least of a team: no images, clusters or task definitions to manage.',
    'team-expert': 'A team that already builds and runs containers gets going on Fargate fastest.',
    both: 'Let Lambda react to events and hand the long or connection-holding part to a Fargate task.',
    tie: 'Nothing decisive either way: start with Lambda, the simpler of the two, and check the costs.',
  },
  verdicts: {
    lambda: 'AWS Lambda',
    fargate: 'AWS Fargate',
    both: 'Both: Lambda for events, Fargate for the long-running part',
    neither: 'Neither: use Amazon ECS or EKS on EC2',
    durable: 'Lambda durable functions',
    managed: 'Lambda Managed Instances',
    microvm: 'Lambda MicroVMs',
  },
  alternatives: (names) => `Also worth pricing: ${names}.`,
  calculator: 'Price this workload in the calculator',
  sep: ', ',
};
