import { Column, Entity, Index, JoinColumn, ManyToOne, VersionColumn } from 'typeorm';
import type { Role } from '@app/domain';
import { OrganizationEntity } from './organization.entity';
import { RecordColumns } from './record-columns';

@Entity('users')
export class UserEntity extends RecordColumns {
  /** Stored lower-cased, so uniqueness is case-insensitive. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 120 })
  displayName: string;

  @Column({ type: 'varchar', length: 30 })
  role: Role;

  @Index()
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn()
  organization?: OrganizationEntity;

  @Column({ type: 'varchar', length: 200, select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'varchar', length: 5, default: 'en' })
  preferredLanguage: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @VersionColumn()
  version: number;
}
