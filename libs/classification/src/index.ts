export * from './classify-complaint';
export * from './detect-language';
export * from './extract-terms';
