export * from './types';
export * from './lambda';
export * from './fargate';
export * from './break-even';
