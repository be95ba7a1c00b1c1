import type { Random } from './random';

/**
 * Code blocks for the synthetic corpus, in the languages real articles on this blog use. Names and
 * numbers vary per block so the highlighter and the search index see varied input, and some
 * blocks carry a file name, highlighted lines or diff markers like the real articles do.
 */

export const SNIPPET_LANGS = ['ts', 'python', 'json', 'yaml', 'bash'] as const;
export type SnippetLang = (typeof SNIPPET_LANGS)[number];

const NAMES = ['orders', 'invoices', 'thumbnails', 'payments', 'reports', 'webhooks', 'exports', 'search', 'ledger'];
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-1', 'eu-central-1', 'us-west-2'];

function names(rng: Random) {
  const name = rng.pick(NAMES);
  const camel = name.replace(/s$/, '');
  return { name, camel, Camel: camel[0]!.toUpperCase() + camel.slice(1), n: rng.int(2, 99) };
}

/** A fenced code block: language, optional meta (title, line ranges) and the code lines. */
export function codeBlock(lang: SnippetLang, rng: Random): string {
  const { name, camel, Camel, n } = names(rng);
  const region = rng.pick(REGIONS);
  const memory = rng.pick([256, 512, 1024, 1769, 2048, 3008]);
  const withTitle = rng.chance(0.5);
  const withRange = rng.chance(0.3);
  let title = '';
  let lines: string[];
  switch (lang) {
    case 'ts':
      title = `src/${name}/handler.ts`;
      lines = [
        `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';`,
        ``,
        `const sqs = new SQSClient({ region: '${region}' });`,
        `const queueUrl = process.env.${name.toUpperCase()}_QUEUE_URL!;`,
        ``,
        `interface ${Camel}Event {`,
        `  id: string;`,
        `  amount: number;`,
        `}`,
        ``,
        `export const handler = async (event: { body: string }) => {`,
        `  const ${camel} = JSON.parse(event.body) as ${Camel}Event;`,
        rng.chance(0.5)
          ? `  if (${camel}.amount > ${n * 100}) return { statusCode: 422 }; // [!code ++]`
          : `  console.log('received', ${camel}.id);`,
        `  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(${camel}) }));`,
        `  return { statusCode: 202, body: JSON.stringify({ accepted: ${camel}.id }) };`,
        `};`,
      ];
      break;
    case 'python':
      title = `${name}/run_task.py`;
      lines = [
        `import os`,
        `import boto3`,
        ``,
        `ecs = boto3.client("ecs", region_name="${region}")`,
        ``,
        ``,
        `def start_${camel}_job(batch_id: str) -> str:`,
        `    """Start one Fargate task for a batch and return its ARN."""`,
        `    response = ecs.run_task(`,
        `        cluster=os.environ["CLUSTER"],`,
        `        launchType="FARGATE",`,
        `        taskDefinition="${name}-worker:${n}",`,
        `        count=1,`,
        `        overrides={"containerOverrides": [{"name": "worker", "environment": [`,
        `            {"name": "BATCH_ID", "value": batch_id},`,
        `        ]}]},`,
        `    )`,
        `    return response["tasks"][0]["taskArn"]`,
      ];
      break;
    case 'json':
      title = `${name}-task-definition.json`;
      lines = [
        `{`,
        `  "family": "${name}-worker",`,
        `  "requiresCompatibilities": ["FARGATE"],`,
        `  "networkMode": "awsvpc",`,
        `  "cpu": "${rng.pick([256, 512, 1024, 2048])}",`,
        `  "memory": "${memory < 512 ? 512 : memory}",`,
        `  "runtimePlatform": { "cpuArchitecture": "${rng.pick(['ARM64', 'X86_64'])}", "operatingSystemFamily": "LINUX" },`,
        `  "containerDefinitions": [`,
        `    {`,
        `      "name": "worker",`,
        `      "image": "123456789012.dkr.ecr.${region}.amazonaws.com/${name}:${n}",`,
        `      "essential": true,`,
        `      "stopTimeout": ${rng.int(10, 120)}`,
        `    }`,
        `  ]`,
        `}`,
      ];
      break;
    case 'yaml':
      title = 'template.yaml';
      lines = [
        `AWSTemplateFormatVersion: '2010-09-09'`,
        `Transform: AWS::Serverless-2016-10-31`,
        `Resources:`,
        `  ${Camel}Function:`,
        `    Type: AWS::Serverless::Function`,
        `    Properties:`,
        `      Handler: dist/${name}/handler.handler`,
        `      Runtime: nodejs22.x`,
        `      Architectures: [arm64]`,
        `      MemorySize: ${memory}`,
        `      Timeout: ${rng.int(3, 900)}`,
        `      ReservedConcurrentExecutions: ${rng.int(5, 200)}`,
        `      Events:`,
        `        Queue:`,
        `          Type: SQS`,
        `          Properties:`,
        `            Queue: !GetAtt ${Camel}Queue.Arn`,
        `            BatchSize: ${rng.pick([1, 10, 25, 100])}`,
      ];
      break;
    case 'bash':
      title = `scripts/deploy-${name}.sh`;
      lines = [
        `#!/usr/bin/env bash`,
        `set -euo pipefail`,
        ``,
        `REGION=${region}`,
        `REPO=123456789012.dkr.ecr.$REGION.amazonaws.com/${name}`,
        ``,
        `aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REPO"`,
        `docker build --platform linux/arm64 -t "$REPO:${n}" .`,
        `docker push "$REPO:${n}"`,
        `aws ecs update-service --cluster main --service ${name} --force-new-deployment --region "$REGION"`,
        `aws lambda put-function-concurrency --function-name ${name}-api --reserved-concurrent-executions ${rng.int(5, 200)}`,
      ];
      break;
  }
  const meta = [withTitle ? `title="${title}"` : '', withRange ? `{${rng.int(2, 4)}-${rng.int(5, 7)}}` : '']
    .filter(Boolean)
    .join(' ');
  return ['```' + lang + (meta ? ` ${meta}` : ''), ...lines, '```'].join('\n');
}
