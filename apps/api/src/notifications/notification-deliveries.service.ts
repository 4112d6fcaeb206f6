import { Injectable } from '@nestjs/common';
import type { Page } from '@app/common';
import { NotificationRepository, type DeliveryKind, type DeliveryStatus } from '@app/database';
import type { NotificationCategory } from '@app/mail';
import type { ListDeliveries } from './dto/notification.schemas';

/** One e-mail as the committee sees it: where it went, how it fared. */
export interface DeliveryView {
  id: string;
  kind: DeliveryKind;
  channel: 'email';
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  messageId: string;
  smtpResponse: string | null;
  recipient: { userId: string; email: string; displayName: string };
  /** The notification it carries; null for a digest. */
  notification: { id: string; category: NotificationCategory; title: string; eventType: string; subjectType: string; subjectId: string } | null;
  /** For a digest: how many notifications it carries. */
  digestSize: number | null;
  lastAttemptAt: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export type DeliveriesPage = Page<DeliveryView> & { counts: Record<DeliveryStatus, number> };

@Injectable()
export class NotificationDeliveriesService {
  constructor(private readonly repository: NotificationRepository) {}

  async list(q: ListDeliveries): Promise<DeliveriesPage> {
    const { rows, total } = await this.repository.deliveriesPage(q);
    const counts = { pending: 0, sending: 0, sent: 0, failed: 0 };
    for (const c of await this.repository.deliveryCounts()) counts[c.status] = c.n;
    return {
      items: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        channel: r.channel,
        status: r.status,
        attempts: r.attempts,
        lastError: r.lastError,
        messageId: r.messageId,
        smtpResponse: r.smtpResponse,
        recipient: { userId: r.userId, email: r.recipient, displayName: r.displayName },
        notification: r.notificationId
          ? {
              id: r.notificationId,
              category: r.category!,
              title: r.title!,
              eventType: r.eventType!,
              subjectType: r.subjectType!,
              subjectId: r.subjectId!,
            }
          : null,
        digestSize: r.digestSize,
        lastAttemptAt: r.lastAttemptAt,
        sentAt: r.sentAt,
        createdAt: r.createdAt,
        updatedAt: r.updatedAt,
      })),
      total,
      page: q.page,
      pageSize: q.pageSize,
      counts,
    };
  }
}
