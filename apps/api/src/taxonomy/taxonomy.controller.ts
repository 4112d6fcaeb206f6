import { Controller, Get, Header, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { taxonomySchema } from '@app/contracts';
import type { Taxonomy } from '@app/domain';
import type { Request } from 'express';
import { requestAnswerLanguage } from '../common/request-locale';
import { localizedTaxonomy } from './localized-taxonomy';
import { Public } from '../auth/authorize.decorator';

@ApiTags('taxonomy')
@Public()
@Controller('taxonomy')
export class TaxonomyController {
  @Get()
  @ApiOkResponse({ standardSchema: taxonomySchema })
  @Header('Cache-Control', 'public, max-age=3600')
  @Header('Vary', 'Accept-Language')
  @ApiOperation({ summary: 'Every code requests and offers use, with label and help text (DESIGN §3), in the reader’s language' })
  get(@Req() req: Request): Taxonomy {
    return localizedTaxonomy(requestAnswerLanguage(req));
  }
}
