import Callout from './Callout.astro';
import CostCalculator from './CostCalculator.astro';
import FargateTaskSizes from './FargateTaskSizes.astro';
import LambdaLimits from './LambdaLimits.astro';
import PriceTable from './PriceTable.astro';
import SubscribeCta from './SubscribeCta.astro';
import type { MdxComponentName } from './names';

/**
 * Components available in every MDX article without an import line. The data tables and the
 * calculator read content/data themselves (through src/content/queries.ts): an article cannot pass
 * them data, and this keeps articles and tools on the same numbers.
 */
export const mdxComponents = {
  Callout,
  CostCalculator,
  FargateTaskSizes,
  LambdaLimits,
  PriceTable,
  SubscribeCta,
} satisfies Record<MdxComponentName, unknown>;
