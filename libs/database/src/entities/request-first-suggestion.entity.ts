import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When the engine first suggested an offer for a request (the Committee summary's time to first suggestion); a row
 * once the request has had suggestions. Written by the match writer in the transaction that writes them, and read
 * as the request's `firstSuggestionAt`.
 *
 * A table of its own rather than a column of `assistance_requests`: a first full rescore stamps up to 500 requests
 * per chunk, and updating the wide request row rewrote it with its ten index entries (three of them GIN), 60–150 ms
 * a chunk; a row here is one small insert (docs/performance.md, "Sixth round").
 */
@Entity('request_first_suggestions')
export class RequestFirstSuggestionEntity {
  @PrimaryColumn({ type: 'uuid' })
  requestId: string;

  @Column({ type: 'timestamptz' })
  suggestedAt: Date;
}
