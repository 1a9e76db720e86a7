export * from './compare';
export * from './completeness';
