export * from './ageing';
export * from './money';
export * from './vat';
export * from './exchange';
