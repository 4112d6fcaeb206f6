import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull } from 'typeorm';
import type { NotificationCategory } from '@app/mail';
import { NotificationDeliveryEntity, NotificationEntity, type DeliveryKind, type DeliveryStatus } from '../entities';
import { pageOf } from './paging';
import type { RowPage } from './viewer';

/** One e-mail delivery with its recipient's name and, for a notification, what it carries. */
export interface DeliveryRow {
  id: string;
  kind: DeliveryKind;
  channel: 'email';
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string;
  smtpResponse: string | null;
  recipient: string;
  userId: string;
  displayName: string;
  notificationId: string | null;
  category: NotificationCategory | null;
  title: string | null;
  eventType: string | null;
  subjectType: string | null;
  subjectId: string | null;
  /** For a digest: how many notifications it carries. */
  digestSize: number | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A delivery not sent yet and not given up on. */
const UNFINISHED_DELIVERY_STATUSES: DeliveryStatus[] = ['pending', 'sending'];

/** The inbox items and their e-mail deliveries: named queries shared by the API and the worker. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  private get notifications() {
    return this.dataSource.getRepository(NotificationEntity);
  }

  /** One person's inbox, unread first, then newest. */
  async inboxPage(userId: string, f: { unreadOnly?: boolean; page: number; pageSize: number }): Promise<RowPage<NotificationEntity>> {
    const qb = this.notifications.createQueryBuilder('n').where('n.user_id = :uid', { uid: userId });
    if (f.unreadOnly) qb.andWhere('n.read_at IS NULL');
    qb.orderBy('(n.read_at IS NULL)', 'DESC').addOrderBy('n.created_at', 'DESC').addOrderBy('n.id', 'DESC');
    return pageOf(qb, f);
  }

  unreadCount(userId: string): Promise<number> {
    return this.notifications.countBy({ userId, readAt: IsNull() });
  }

  /** A notification of this person's own; another person's is null (the caller's 404). */
  findOwn(userId: string, id: string): Promise<NotificationEntity | null> {
    return this.notifications.findOneBy({ id, userId });
  }

  /** Marks one notification read unless it was already (the first reading time stays), and returns it. */
  async markRead(id: string, at: Date): Promise<NotificationEntity> {
    await this.notifications.update({ id, readAt: IsNull() }, { readAt: at });
    return this.notifications.findOneByOrFail({ id });
  }

  /** Marks every unread notification of this person read; how many there were. */
  async markAllRead(userId: string, at: Date): Promise<number> {
    const result = await this.notifications.update({ userId, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }

  /** E-mail deliveries, newest first, of the given statuses and kind (all when not given). */
  async deliveriesPage(f: { status?: readonly DeliveryStatus[]; kind?: DeliveryKind; page: number; pageSize: number }): Promise<RowPage<DeliveryRow>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.status?.length) {
      params.push(f.status);
      where.push(`d.status = ANY($${params.length})`);
    }
    if (f.kind) {
      params.push(f.kind);
      where.push(`d.kind = $${params.length}`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM notification_deliveries d ${filter}`, params);
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.kind, d.channel, d.status, d.attempts, d.last_error AS "lastError", d.message_id AS "messageId",
              d.smtp_response AS "smtpResponse", d.recipient, d.user_id AS "userId", u.display_name AS "displayName",
              d.notification_id AS "notificationId", n.category, n.title, n.event_type AS "eventType", n.subject_type AS "subjectType",
              n.subject_id AS "subjectId",
              CASE WHEN d.kind = 'digest' THEN (SELECT count(*)::int FROM notifications x WHERE x.digest_delivery_id = d.id) END AS "digestSize",
              d.last_attempt_at AS "lastAttemptAt", d.sent_at AS "sentAt", d.created_at AS "createdAt", d.updated_at AS "updatedAt"
         FROM notification_deliveries d
         JOIN users u ON u.id = d.user_id
         LEFT JOIN notifications n ON n.id = d.notification_id
         ${filter}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    return { rows, total };
  }

  /** Up to 500 unfinished deliveries untouched for `seconds`, the longest untouched first: the mail sweep's work. */
  async unfinishedDeliveriesIdleFor(seconds: number): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM notification_deliveries WHERE status = ANY($2) AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT 500`,
      [seconds, UNFINISHED_DELIVERY_STATUSES],
    );
    return rows.map((r) => r.id);
  }

  /** Records a delivery as failed for good, unless it was sent or failed meanwhile. */
  async markDeliveryFailed(id: string, lastError: string): Promise<void> {
    await this.dataSource.getRepository(NotificationDeliveryEntity).update({ id, status: In(UNFINISHED_DELIVERY_STATUSES) }, { status: 'failed', lastError });
  }

  /** How many deliveries stand in each status (a status with none is missing). */
  async deliveryCounts(): Promise<{ status: DeliveryStatus; n: number }[]> {
    return this.dataSource.query('SELECT status, count(*)::int AS n FROM notification_deliveries GROUP BY status');
  }
}
