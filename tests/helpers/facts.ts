import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  fargateFactsSchema,
  frontDoorFactsSchema,
  lambdaFactsSchema,
  lambdaOptionsFactsSchema,
  platformFactsSchema,
} from '../../src/lib/schema';

/** The real data files, validated by the same schemas as the build. */
export function loadFacts(root = process.cwd()) {
  const read = (name: string) => parse(readFileSync(join(root, 'content/data', name), 'utf8'));
  return {
    lambda: lambdaFactsSchema.parse(read('lambda.yaml')),
    fargate: fargateFactsSchema.parse(read('fargate.yaml')),
    lambdaOptions: lambdaOptionsFactsSchema.parse(read('lambda-options.yaml')),
    frontDoor: frontDoorFactsSchema.parse(read('front-door.yaml')),
    platform: platformFactsSchema.parse(read('platform.yaml')),
  };
}
