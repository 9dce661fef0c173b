export * from './overrides.ts';
export * from './policy.ts';
export * from './result.ts';
export * from './steps.ts';
