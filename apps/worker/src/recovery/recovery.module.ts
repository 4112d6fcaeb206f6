import { Global, Module } from '@nestjs/common';
import { JobSchedulers } from './job-schedulers';

/** The worker's one list of repeatable jobs, which feature processors declare and recovery keeps in Redis. */
@Global()
@Module({ providers: [JobSchedulers], exports: [JobSchedulers] })
export class RecoveryModule {}
