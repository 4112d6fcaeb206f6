import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';

/**
 * What time it is for the rules that go by the calendar: the objection window, reminders, offer expiry and the
 * ages in reports. Services ask the clock rather than `new Date()` or SQL `now()`, so a test can let days pass
 * for the processes it starts instead of rewriting timestamps (docs/testing.md).
 */
export abstract class Clock {
  abstract now(): Date;
}

/**
 * The system's time, moved ahead by `offsetMs`. The offset comes from TEST_CLOCK_OFFSET_MS, which the config
 * refuses outside NODE_ENV=test, so in production this is the system's time.
 */
export class SystemClock extends Clock {
  constructor(readonly offsetMs = 0) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/** Provides the one `Clock` of a process (the API's or the worker's), from its config. */
@Global()
@Module({
  providers: [{ provide: Clock, inject: [APP_CONFIG], useFactory: (config: AppConfig): Clock => new SystemClock(config.app.TEST_CLOCK_OFFSET_MS) }],
  exports: [Clock],
})
export class ClockModule {}
