export * from './entities';
export * from './data-source';
export * from './migration-tool';
export * from './naming.strategy';
export * from './ensure-database';
export * from './database.module';
export * from './seeds';
export * from './matching-inputs';
