import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  publicRequestPageSchema,
  type PublicRequestsQuery,
  publicRequestsQuerySchema,
  type publicRequestSummarySchema,
  type Served,
} from '@app/contracts';
import { ApiValidationError } from '../common/openapi';
import { DataSource } from 'typeorm';
import { containsPattern, Page, sqlValue } from '@app/common';
import type { RequestStatus } from '@app/domain';
import { Public } from '../auth/authorize.decorator';
import { textSearchSql } from '@app/database';

type PublicRequestSummary = Served<typeof publicRequestSummarySchema>;

/**
 * The public register: circulated requests whose State chose `public`, summary fields only. Withdrawn
 * requests leave the register.
 */
@ApiTags('public')
@Public()
@Controller('public/requests')
export class PublicRegisterController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @ApiOkResponse({ standardSchema: publicRequestPageSchema })
  @ApiValidationError()
  @ApiOperation({ summary: 'Circulated requests published with their State’s consent (no sign-in)' })
  async list(@Query({ schema: publicRequestsQuerySchema }) f: PublicRequestsQuery): Promise<Page<PublicRequestSummary>> {
    const where = [`visibility = 'public'`, `circulated_at IS NOT NULL`, `status <> ${sqlValue('withdrawn' satisfies RequestStatus)}`];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.state) add('state = ?', f.state);
    if (f.provision) add('? = ANY(provisions)', f.provision);
    if (f.q) {
      params.push(f.q, containsPattern(f.q));
      where.push(textSearchSql('assistance_requests', { q: `$${params.length - 1}`, qLike: `$${params.length}`, reference: true }));
    }
    const sql = `FROM assistance_requests WHERE ${where.join(' AND ')}`;
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count ${sql}`, params);
    const rows: (Omit<PublicRequestSummary, 'assistanceTypes' | 'circulatedAt'> & { assistance_types: string[]; circulated_at: Date | null })[] = await this.dataSource.query(
      `SELECT reference, state, title, provisions, domains, assistance_types, status, circulated_at ${sql}
       ORDER BY circulated_at DESC, reference LIMIT ${f.pageSize} OFFSET ${(f.page - 1) * f.pageSize}`,
      params,
    );
    return {
      items: rows.map((r) => ({
        reference: r.reference,
        state: r.state,
        title: r.title,
        provisions: r.provisions,
        domains: r.domains,
        assistanceTypes: r.assistance_types,
        status: r.status,
        circulatedAt: r.circulated_at ? new Date(r.circulated_at).toISOString() : null,
      })),
      total: count,
      page: f.page,
      pageSize: f.pageSize,
    };
  }
}
