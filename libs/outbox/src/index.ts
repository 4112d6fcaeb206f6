export * from './unit-of-work';
export * from './outbox-relay';
export * from './outbox.module';
export * from './suggestion-retirement';
