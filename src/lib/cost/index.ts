export * from './types';
export * from './lambda';
export * from './fargate';
export * from './break-even';
export * from './chart';
export * from './format';
export * from './scenario';
export * from './view';
