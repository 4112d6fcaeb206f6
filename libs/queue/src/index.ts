export * from './queues';
export * from './connection';
export * from './outage';
export * from './queue.module';
