import type { Locale } from '@app/i18n';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { SessionEntity, UserEntity } from '@app/database';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { DomainError, DUMMY_HASH, verifyPassword, localizedError } from '@app/common';

export const SESSION_COOKIE = 'a1540_session';


@Injectable()
export class AuthService {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Only a keyed hash of each token is stored, so a copy of the sessions table cannot be replayed. */
  private hashToken(token: string): string {
    return createHmac('sha256', this.config.auth.SESSION_SECRET).update(token).digest('hex');
  }

  /** Signs in; the same 401 whether the e-mail or the password was wrong. */
  async login(emailInput: string, password: string, ip: string, language?: Locale): Promise<{ token: string; expiresAt: Date; user: AuthUser }> {
    const email = emailInput.trim().toLowerCase();
    await this.throttle.assertAllowed(email, ip);
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .innerJoinAndSelect('u.organization', 'o')
      .where('u.email = :email', { email })
      .getOne();
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active || !user.organization?.active) {
      await this.throttle.recordFailure(email, ip);
      throw localizedError('unauthorized', 'errors.invalidCredentials');
    }
    await this.throttle.reset(email, ip);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.auth.SESSION_TTL_HOURS * 3600_000);
    const session = await this.sessions.save(this.sessions.create({ tokenHash: this.hashToken(token), userId: user.id, expiresAt, revokedAt: null }));
    // Signing in is not an edit of the account: no new version, so an administrator's open form stays current.
    // A person's first sign-in takes the browser's language as their preference (they change it with the picker).
    if (!user.lastLoginAt && language) user.preferredLanguage = language;
    await this.users.query('UPDATE users SET last_login_at = now(), preferred_language = $2 WHERE id = $1', [user.id, user.preferredLanguage]);
    return { token, expiresAt, user: toAuthUser(user, session.id) };
  }

  async resolveSession(token: string): Promise<AuthUser | null> {
    const session = await this.sessions.findOne({
      where: { tokenHash: this.hashToken(token), revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
    });
    if (!session) return null;
    const user = await this.users.findOne({ where: { id: session.userId, active: true }, relations: { organization: true } });
    if (!user?.organization?.active) return null;
    return toAuthUser(user, session.id);
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: new Date() });
  }

  async revokeAllSessions(userId: string): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

export function toAuthUser(user: UserEntity, sessionId: string): AuthUser {
  const org = user.organization!;
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    preferredLanguage: user.preferredLanguage,
    organization: { id: org.id, name: org.name, shortName: org.shortName, kind: org.kind, state: org.state },
    sessionId,
  };
}
