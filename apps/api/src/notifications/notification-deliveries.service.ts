import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { deliveriesPageSchema, deliveryViewSchema, Served } from '@app/contracts';
import type { DeliveryKind, DeliveryStatus } from '@app/database';
import type { NotificationCategory } from '@app/mail';
import type { ListDeliveries } from './dto/notification.schemas';

/** One e-mail as the committee sees it (libs/contracts views/notifications.ts), as the service builds it. */
export type DeliveryView = Served<typeof deliveryViewSchema>;
export type DeliveriesPage = Served<typeof deliveriesPageSchema>;

interface Row {
  id: string;
  kind: DeliveryKind;
  channel: 'email';
  status: DeliveryStatus;
  attempts: number;
  last_error: string | null;
  message_id: string;
  smtp_response: string | null;
  recipient: string;
  user_id: string;
  display_name: string;
  notification_id: string | null;
  category: NotificationCategory | null;
  title: string | null;
  event_type: string | null;
  subject_type: string | null;
  subject_id: string | null;
  digest_size: number | null;
  last_attempt_at: Date | null;
  sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

@Injectable()
export class NotificationDeliveriesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(q: ListDeliveries): Promise<DeliveriesPage> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.status?.length) {
      params.push(q.status);
      where.push(`d.status = ANY($${params.length})`);
    }
    if (q.kind) {
      params.push(q.kind);
      where.push(`d.kind = $${params.length}`);
    }
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }]: { total: number }[] = await this.dataSource.query(`SELECT count(*)::int AS total FROM notification_deliveries d ${filter}`, params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT d.id, d.kind, d.channel, d.status, d.attempts, d.last_error, d.message_id, d.smtp_response, d.recipient, d.user_id,
              u.display_name, d.notification_id, n.category, n.title, n.event_type, n.subject_type, n.subject_id,
              CASE WHEN d.kind = 'digest' THEN (SELECT count(*)::int FROM notifications x WHERE x.digest_delivery_id = d.id) END AS digest_size,
              d.last_attempt_at, d.sent_at, d.created_at, d.updated_at
         FROM notification_deliveries d
         JOIN users u ON u.id = d.user_id
         LEFT JOIN notifications n ON n.id = d.notification_id
         ${filter}
        ORDER BY d.created_at DESC, d.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    );
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const c of (await this.dataSource.query('SELECT status, count(*)::int AS n FROM notification_deliveries GROUP BY status')) as { status: DeliveryStatus; n: number }[]) {
      counts[c.status] = c.n;
    }
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        messageId: r.message_id,
        smtpResponse: r.smtp_response,
        recipient: { userId: r.user_id, email: r.recipient, displayName: r.display_name },
        notification: r.notification_id
          ? { id: r.notification_id, category: r.category!, title: r.title!, eventType: r.event_type!, subjectType: r.subject_type!, subjectId: r.subject_id! }
          : null,
        digestSize: r.digest_size,
        lastAttemptAt: r.last_attempt_at,
        sentAt: r.sent_at,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      counts,
    };
  }
}
