import { Column, Entity, Index, VersionColumn } from 'typeorm';
import { RecordColumns } from './record-columns';

export type ContactOwner = 'state' | 'organization';

/** One person to contact (DESIGN §4b): a State's national 1540 point of contact or an organisation's contact person. */
export interface ContactPerson {
  name: string;
  title: string | null;
  agency: string | null;
  email: string;
  phone: string | null;
  languages: string[];
}

/**
 * A State's points of contact (`owner` state, `ownerKey` its ISO3 code) or an organisation's contact persons
 * (`ownerKey` its id), kept as one list: a PUT replaces it, the history keeps what it was.
 */
@Entity('contact_lists')
@Index('ux_contact_lists_owner', ['owner', 'ownerKey'], { unique: true })
export class ContactListEntity extends RecordColumns {
  @Column({ type: 'varchar', length: 12 })
  owner: ContactOwner;

  @Column({ type: 'varchar', length: 40 })
  ownerKey: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  contacts: ContactPerson[];

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @VersionColumn()
  version: number;
}
