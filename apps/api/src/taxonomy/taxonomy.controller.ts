import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { taxonomySchema } from '@app/contracts';
import { Taxonomy, TAXONOMY } from '@app/domain';
import { Public } from '../auth/authorize.decorator';

@ApiTags('taxonomy')
@Public()
@Controller('taxonomy')
export class TaxonomyController {
  @Get()
  @ApiOkResponse({ standardSchema: taxonomySchema })
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({ summary: 'Every code requests and offers use, with label and help text (DESIGN §3)' })
  get(): Taxonomy {
    return TAXONOMY;
  }
}
