import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { preferencesViewSchema, Served, UpdatePreferences } from '@app/contracts';
import { NotificationPreferenceEntity } from '@app/database';
import { CATEGORY_INFO, DEFAULT_EMAIL_MODE, EMAIL_MODES, NOTIFICATION_CATEGORIES } from '@app/mail';
import type { AuthUser } from '../auth/auth-user';

export type PreferencesView = Served<typeof preferencesViewSchema>;

/** Per person and category: e-mail immediately, in the daily digest, or not at all (the inbox always gets it). */
@Injectable()
export class NotificationPreferencesService {
  constructor(private readonly dataSource: DataSource) {}

  async get(user: AuthUser): Promise<PreferencesView> {
    const rows = await this.dataSource.getRepository(NotificationPreferenceEntity).findBy({ userId: user.id });
    const mode = new Map(rows.map((r) => [r.category, r.mode]));
    return {
      items: NOTIFICATION_CATEGORIES.map((category) => ({ category, ...CATEGORY_INFO[category], mode: mode.get(category) ?? DEFAULT_EMAIL_MODE })),
      modes: [...EMAIL_MODES],
    };
  }

  /** Changes the categories named; the others keep their mode. */
  async update(user: AuthUser, input: UpdatePreferences): Promise<PreferencesView> {
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(NotificationPreferenceEntity)
      .values(input.items.map((i) => ({ userId: user.id, category: i.category, mode: i.mode })))
      .orUpdate(['mode', 'updated_at'], ['user_id', 'category'])
      .execute();
    return this.get(user);
  }
}
