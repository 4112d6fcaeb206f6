export * from './unit-of-work';
export * from './outbox-relay';
export * from './outbox.module';
export * from './workflow-executor';
export * from './lifecycles';
export * from './suggestion-retirement';
export * from './event-lanes';
