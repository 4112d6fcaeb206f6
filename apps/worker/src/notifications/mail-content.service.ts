import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { NotificationDeliveryEntity, NotificationEntity, UserEntity } from '@app/database';
import { renderDigestMail, renderNotificationMail, RenderedMail, wordFacts, wordNotification } from '@app/mail';

// Pages of the web app an e-mail links to (apps/web/src/routes.tsx): the inbox and the e-mail settings.
const INBOX_PATH = '/notifications';
const EMAIL_SETTINGS_PATH = '/notifications/preferences';

export interface MailToSend extends RenderedMail {
  to: { name: string; address: string };
}

/** Renders a delivery from what was stored when it was created, so every attempt sends the same e-mail. */
@Injectable()
export class MailContentService {
  private readonly baseUrl: string;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.baseUrl = (config.app.PUBLIC_URL ?? `http://localhost:${config.app.PORT}`).replace(/\/+$/, '');
  }

  url(path: string): string {
    return `${this.baseUrl}${path}`;
  }

  /** Null when the recipient's account is no longer active. */
  async render(delivery: NotificationDeliveryEntity): Promise<MailToSend | null> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: delivery.userId });
    if (!user?.active) return null;
    const to = { name: user.displayName, address: delivery.recipient };
    const settingsUrl = this.url(EMAIL_SETTINGS_PATH);
    if (delivery.kind === 'digest') {
      const items = await this.dataSource.getRepository(NotificationEntity).find({
        where: { digestDeliveryId: delivery.id },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      return {
        to,
        ...renderDigestMail({
          recipientName: user.displayName,
          items: items.map((n) => ({ category: n.category, ...wordNotification(user.preferredLanguage, n), url: this.url(n.linkPath), createdAt: n.createdAt })),
          inboxUrl: this.url(INBOX_PATH),
          settingsUrl,
          language: user.preferredLanguage,
        }),
      };
    }
    const n = await this.dataSource.getRepository(NotificationEntity).findOneByOrFail({ id: delivery.notificationId! });
    return {
      to,
      ...renderNotificationMail({
        category: n.category,
        // Worded in the recipient's language from the stored keys (older rows keep their English words).
        ...wordNotification(user.preferredLanguage, n),
        facts: wordFacts(user.preferredLanguage, n.facts),
        url: this.url(n.linkPath),
        recipientName: user.displayName,
        settingsUrl,
        // The frame (greeting, buttons, footer) in the recipient's language too.
        language: user.preferredLanguage,
      }),
    };
  }
}
