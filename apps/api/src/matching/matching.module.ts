import { Module } from '@nestjs/common';
import { MatchesModule } from '../matches/matches.module';
import { MatchingController } from './matching.controller';
import { MatchingService } from './matching.service';

@Module({ imports: [MatchesModule], controllers: [MatchingController], providers: [MatchingService] })
export class MatchingModule {}
