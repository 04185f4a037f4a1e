export * from './api';
export * from './i18n';
export * from './lang-switch';
