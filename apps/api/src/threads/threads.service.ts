import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { invalidFieldIn, notFound, subjectKey } from '@app/common';
import type {
  Served,
  threadMessageViewSchema,
  threadPageSchema,
  unreadThreadsSchema,
  PostThreadMessage,
} from '@app/contracts';
import { MatchRepository, RequestRepository, ThreadMessageEntity, type ThreadType } from '@app/database';
import { isProvider } from '@app/domain';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { sideOf, writeThreadMessage } from './thread-writer';

export type ThreadMessageView = Served<typeof threadMessageViewSchema>;
export type ThreadPage = Served<typeof threadPageSchema>;
export type UnreadThreads = Served<typeof unreadThreadsSchema>;

/** How long a notification quotes a message. */
const EXCERPT = 280;

interface Thread {
  type: ThreadType;
  id: string;
  requestId: string;
  requestStatus: string;
}

/**
 * The conversations of DESIGN §4b: a request's between the State's agencies and the Committee, a match's between
 * the Committee, the provider and the State. A thread is visible exactly as its parent is (the repositories'
 * `visibleTo`), except that a provider never sees a request's thread; out of scope → 404.
 */
@Injectable()
export class ThreadsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly requests: RequestRepository,
    private readonly matches: MatchRepository,
  ) {}

  async list(
    user: AuthUser,
    type: ThreadType,
    id: string,
    page: { page: number; pageSize: number; markRead: boolean },
  ): Promise<ThreadPage> {
    await this.thread(user, type, id);
    const [rows, total] = await this.dataSource.manager.findAndCount(ThreadMessageEntity, {
      where: { threadType: type, threadId: id },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page.page - 1) * page.pageSize,
      take: page.pageSize,
    });
    const unreadIds = await this.unreadIn(user.id, type, id);
    if (page.markRead) await this.markRead(user, type, id);
    return {
      items: await this.views(rows, unreadIds),
      total,
      page: page.page,
      pageSize: page.pageSize,
      unread: unreadIds.size,
      canPost: true,
    };
  }

  async post(user: AuthUser, type: ThreadType, id: string, input: PostThreadMessage): Promise<ThreadMessageView> {
    const thread = await this.thread(user, type, id);
    const side = sideOf(user.role);
    // The agency's message while the Committee waits for its answer is that answer (DESIGN §5).
    const kind =
      type === 'request' && side === 'state' && thread.requestStatus === 'clarification_requested'
        ? ('clarification_answer' as const)
        : ('message' as const);
    // An attachment is one of this request's (or match's) own documents, uploaded first: never another record's.
    if (input.documentId) {
      const found: unknown[] = await this.dataSource.query(
        'SELECT 1 FROM documents WHERE id = $1 AND parent_type = $2 AND parent_id = $3 AND removed_at IS NULL',
        [input.documentId, type, id],
      );
      if (!found.length) throw invalidFieldIn('documentId', 'errors.document.notOfSubject', {}, { subject: subjectKey(type) });
    }
    const row = await this.uow.run(user, async (tx) => {
      const message = await writeThreadMessage(tx, user, thread, {
        kind,
        body: input.body,
        documentId: input.documentId,
      });
      const payload = { messageId: message.id, side, kind, excerpt: excerpt(input.body) };
      if (type === 'request')
        await tx.emit({ type: 'request.message_posted', subjectType: 'request', subjectId: id, payload });
      else await tx.emit({ type: 'match.message_posted', subjectType: 'match', subjectId: id, payload });
      return message;
    });
    // What one writes, one has read.
    await this.markRead(user, type, id);
    return (await this.views([row], new Set()))[0];
  }

  async read(user: AuthUser, type: ThreadType, id: string): Promise<void> {
    await this.thread(user, type, id);
    await this.markRead(user, type, id);
  }

  /** Every thread the caller may see with messages from others they have not read (the home pages' counts). */
  async unread(user: AuthUser): Promise<UnreadThreads> {
    const rows: { threadType: ThreadType; threadId: string; unread: number; lastMessageAt: Date }[] =
      await this.dataSource.query(
        `SELECT tm.thread_type AS "threadType", tm.thread_id AS "threadId", count(*)::int AS unread, max(tm.created_at) AS "lastMessageAt"
         FROM thread_messages tm
         LEFT JOIN thread_reads tr ON tr.user_id = $1 AND tr.thread_type = tm.thread_type AND tr.thread_id = tm.thread_id
        WHERE tm.author_id <> $1 AND (tr.last_read_at IS NULL OR tm.created_at > tr.last_read_at)
          AND ($2 OR tm.thread_type = 'match')
        GROUP BY 1, 2`,
        [user.id, !isProvider(user.role)],
      );
    const requestIds = rows.filter((r) => r.threadType === 'request').map((r) => r.threadId);
    const matchIds = rows.filter((r) => r.threadType === 'match').map((r) => r.threadId);
    const requests = requestIds.length
      ? await this.requests
          .visibleTo(user)
          .andWhere('r.id IN (:...threadIds)', { threadIds: requestIds })
          .select(['r.id', 'r.reference', 'r.title'])
          .getMany()
      : [];
    const matches: { id: string; requestId: string; reference: string; title: string }[] = matchIds.length
      ? await this.matches
          .visibleTo(user)
          .andWhere('m.id IN (:...threadIds)', { threadIds: matchIds })
          .select(['m.id AS id', 'req.id AS "requestId"', 'req.reference AS reference', 'req.title AS title'])
          .getRawMany()
      : [];
    const parent = new Map<string, { requestId: string; reference: string; title: string }>([
      ...requests.map((r) => [`request:${r.id}`, { requestId: r.id, reference: r.reference, title: r.title }] as const),
      ...matches.map(
        (m) => [`match:${m.id}`, { requestId: m.requestId, reference: m.reference, title: m.title }] as const,
      ),
    ]);
    const threads = rows
      .flatMap((r) => {
        const p = parent.get(`${r.threadType}:${r.threadId}`);
        return p ? [{ ...r, ...p }] : [];
      })
      .sort((a, b) => b.lastMessageAt.getTime() - a.lastMessageAt.getTime());
    return { total: threads.reduce((n, t) => n + t.unread, 0), threads };
  }

  /** The thread's parent as the caller sees it, or 404. */
  private async thread(user: AuthUser, type: ThreadType, id: string): Promise<Thread> {
    if (type === 'request') {
      // Providers follow a request's progress, not the exchanges between the State and the Committee.
      const request = isProvider(user.role) ? null : await this.requests.findVisible(user, id);
      if (!request) throw notFound('Request');
      return { type, id, requestId: request.id, requestStatus: request.status };
    }
    const match = await this.matches.findVisible(user, id);
    if (!match) throw notFound('Match');
    return { type, id, requestId: match.requestId, requestStatus: '' };
  }

  /** The messages of others the caller has not read (compared in SQL: the marker keeps microseconds). */
  private async unreadIn(userId: string, type: ThreadType, id: string): Promise<Set<string>> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT tm.id FROM thread_messages tm
         LEFT JOIN thread_reads tr ON tr.user_id = $3 AND tr.thread_type = tm.thread_type AND tr.thread_id = tm.thread_id
        WHERE tm.thread_type = $1 AND tm.thread_id = $2 AND tm.author_id <> $3 AND (tr.last_read_at IS NULL OR tm.created_at > tr.last_read_at)`,
      [type, id, userId],
    );
    return new Set(rows.map((r) => r.id));
  }

  /** Everything in the thread so far counts as read (the newest message's time, never moved back). */
  private async markRead(user: AuthUser, type: ThreadType, id: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO thread_reads (user_id, thread_type, thread_id, last_read_at)
       SELECT $1::uuid, $2::varchar, $3::uuid, max(created_at) FROM thread_messages WHERE thread_type = $2::varchar AND thread_id = $3::uuid HAVING count(*) > 0
       ON CONFLICT (user_id, thread_type, thread_id) DO UPDATE SET last_read_at = GREATEST(thread_reads.last_read_at, EXCLUDED.last_read_at)`,
      [user.id, type, id],
    );
  }

  private async views(rows: ThreadMessageEntity[], unreadIds: Set<string>): Promise<ThreadMessageView[]> {
    const authorIds = [...new Set(rows.map((r) => r.authorId))];
    const authors: { id: string; displayName: string; organization: string }[] = authorIds.length
      ? await this.dataSource.query(
          `SELECT u.id, u.display_name AS "displayName", o.name AS organization FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = ANY($1::uuid[])`,
          [authorIds],
        )
      : [];
    const byId = new Map(authors.map((a) => [a.id, a]));
    return rows.map((r) => ({
      id: r.id,
      threadType: r.threadType,
      threadId: r.threadId,
      kind: r.kind,
      body: r.body,
      side: r.authorSide,
      author: byId.get(r.authorId) ?? { id: r.authorId, displayName: '—', organization: '—' },
      documentId: r.documentId,
      createdAt: r.createdAt,
      unread: unreadIds.has(r.id),
    }));
  }
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}
