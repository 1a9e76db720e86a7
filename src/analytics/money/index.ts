export * from './ageing';
export * from './exchange';
export * from './money';
export * from './vat';
