import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { healthLiveSchema, healthReadySchema } from '@app/contracts';
import { readinessChecks, REDIS_CLIENT } from '@app/queue';
import { Public } from '../auth/authorize.decorator';
import { SkipRateLimit } from '../common/rate-limit';

@ApiTags('health')
@Public()
@SkipRateLimit()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  @Get('live')
  @ApiOkResponse({ standardSchema: healthLiveSchema })
  @HttpCode(200)
  @ApiOperation({ summary: 'The process is up' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ standardSchema: healthReadySchema })
  @ApiServiceUnavailableResponse({ description: 'A dependency does not answer (same shape, `status: unavailable`)', standardSchema: healthReadySchema })
  @ApiOperation({ summary: 'PostgreSQL and Redis answer; 503 otherwise (within 200 ms either way)' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: string; checks: Record<string, string> }> {
    const checks = await readinessChecks({ database: () => this.dataSource.query('SELECT 1'), redis: this.redis });
    const ok = checks.database === 'up' && checks.redis === 'up';
    res.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
