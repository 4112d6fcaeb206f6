import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SessionEntity, UserEntity } from '@app/database';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { Counters } from '../common/counters';
import { RateLimiter } from '../common/rate-limit';
import { LoginThrottle } from './login-throttle';
import { SessionGuard } from './session.guard';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity])],
  controllers: [AuthController],
  providers: [AuthService, Counters, LoginThrottle, RateLimiter, { provide: APP_GUARD, useClass: SessionGuard }],
  exports: [AuthService, Counters],
})
export class AuthModule {}
