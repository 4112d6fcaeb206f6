import { Injectable } from '@nestjs/common';
import { NotificationRepository } from '@app/database';
import type { deliveriesPageSchema, deliveryViewSchema, ListDeliveries, Served } from '@app/contracts';

/** One e-mail as the committee sees it (libs/contracts views/notifications.ts), as the service builds it. */
export type DeliveryView = Served<typeof deliveryViewSchema>;
export type DeliveriesPage = Served<typeof deliveriesPageSchema>;

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
