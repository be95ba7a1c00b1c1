import { lambdaMonthlyCost, type LambdaInput } from './lambda';
import { HOURS_PER_MONTH, type LambdaFacts } from './types';

export interface BreakEven {
  requestsPerMonth: number;
  /** The same traffic as an average rate over the month. */
  requestsPerSecond: number;
}

/**
 * The monthly traffic at which Lambda (with the given shape) starts to cost more than a fixed
 * monthly Fargate bill. Lambda's cost only grows with traffic, so a bisection finds it; free tier
 * and usage tiers are handled by the cost function itself. Returns 0 requests when Fargate costs
 * nothing.
 */
export function breakEven(
  shape: Omit<LambdaInput, 'requestsPerMonth'>,
  fargateMonthly: number,
  facts: LambdaFacts,
  hoursPerMonth = HOURS_PER_MONTH,
): BreakEven {
  const cost = (requests: number) => lambdaMonthlyCost({ ...shape, requestsPerMonth: requests }, facts).total;
  let low = 0;
  let high = 1_000;
  while (cost(high) < fargateMonthly && high < 1e18) high *= 2;
  for (let i = 0; i < 200 && high - low > 0.5; i++) {
    const mid = (low + high) / 2;
    if (cost(mid) < fargateMonthly) low = mid;
    else high = mid;
  }
  const requestsPerMonth = fargateMonthly <= 0 ? 0 : high;
  return { requestsPerMonth, requestsPerSecond: requestsPerMonth / (hoursPerMonth * 3600) };
}
