export * from './keyword-classifier';
export * from './detect-language';
