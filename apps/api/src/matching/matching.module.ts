import { Module } from '@nestjs/common';
import { MatchesModule } from '../matches/matches.module';
import { MatchExplainController } from './match-explain.controller';
import { MatchExplainService } from './match-explain.service';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

@Module({ imports: [MatchesModule], controllers: [MatchingController, MatchExplainController], providers: [MatchingService, MatchExplainService] })
export class MatchingModule {}
