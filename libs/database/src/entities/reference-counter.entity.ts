import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last sequence number used for request references of a State and year (`MNG-2020-003`). */
@Entity('request_reference_counters')
export class ReferenceCounterEntity {
  @PrimaryColumn({ type: 'char', length: 3 })
  state: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  last: number;
}
