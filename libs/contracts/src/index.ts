import 'reflect-metadata';

export * from './case-event.v1';
export * from './complaint-identity';
export * from './complaint.v1';
export * from './complaint-received.v1';
export * from './complaint-routed.v1';
export * from './customer-response.v1';
export * from './event-envelope';
export * from './survey-reply';
export * from './taxonomy';
export * from './topics';
export * from './validation';
export * from './complaint-reference';
export * from './evidence';
export * from './evidence-type';
export * from './phone-number';
export * from './evidence.rules';
export * from './web-complaint.rules';
