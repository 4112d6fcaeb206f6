import { Column, Entity, Index, VersionColumn } from 'typeorm';
import type { OrganizationKind } from '@app/domain';
import { RecordColumns } from './record-columns';

@Entity('organizations')
export class OrganizationEntity extends RecordColumns {
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 40 })
  shortName: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrganizationKind;

  /** ISO 3166-1 alpha-3; set for State agencies and State providers. */
  @Column({ type: 'char', length: 3, nullable: true })
  state: string | null;

  @Column({ type: 'varchar', length: 254, nullable: true })
  contactEmail: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @VersionColumn()
  version: number;
}
