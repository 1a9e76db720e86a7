export * from './compare';
export * from './completeness';
export * from './forecast';
export * from './whitespace';
