export * from './mask-sensitive-numbers';
export * from './phone-number';
export * from './pii-cipher';
export * from './sign-staff-token';
export * from './staff-auth.guard';
export * from './staff-auth.module';
export * from './staff-principal';
