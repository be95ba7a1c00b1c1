/** Names of the components MDX articles can use without importing them (see ./index.ts). */
export const MDX_COMPONENT_NAMES = [
  'Callout',
  'CostCalculator',
  'FargateTaskSizes',
  'LambdaLimits',
  'PriceTable',
  'SubscribeCta',
] as const;

export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];
