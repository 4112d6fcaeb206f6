import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type ThreadType = 'request' | 'match';
/** Which side of a thread wrote: the Committee, the requesting State's agencies, or the match's provider. */
export type ThreadSide = 'committee' | 'state' | 'provider';
/** A plain message, or one the request workflow wrote into the thread (clarification asked, answered, resubmitted). */
export type ThreadMessageKind = 'message' | 'clarification_question' | 'clarification_answer' | 'resubmission';

/**
 * One message of a conversation (DESIGN §4b): a request's (State ↔ Committee) or a match's (Committee ↔ provider
 * ↔ State). Messages are never edited or deleted.
 */
@Entity('thread_messages')
@Index('ix_thread_messages_thread_created', ['threadType', 'threadId', 'createdAt'])
export class ThreadMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  threadType: ThreadType;

  /** The request's or the match's id. */
  @Column({ type: 'uuid' })
  threadId: string;

  @Column({ type: 'uuid' })
  authorId: string;

  @Column({ type: 'varchar', length: 30 })
  authorRole: string;

  @Column({ type: 'uuid' })
  authorOrganizationId: string;

  @Column({ type: 'varchar', length: 10 })
  authorSide: ThreadSide;

  @Column({ type: 'varchar', length: 30, default: 'message' })
  kind: ThreadMessageKind;

  @Column({ type: 'text' })
  body: string;

  /** An attached document, once documents exist (no foreign key: documents land separately). */
  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** How far a person has read a thread: messages after `lastReadAt` count as unread for them. */
@Entity('thread_reads')
export class ThreadReadEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  threadType: ThreadType;

  @PrimaryColumn({ type: 'uuid' })
  threadId: string;

  @Column({ type: 'timestamptz' })
  lastReadAt: Date;
}
