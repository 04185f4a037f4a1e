export * from './classify-complaint';
export * from './detect-language';
