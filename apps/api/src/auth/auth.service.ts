import type { Locale } from '@app/i18n';
import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHmac, randomBytes } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '@app/config';
import { preparedQuery, SessionEntity, UserEntity } from '@app/database';
import type { AuthUser } from './auth-user';
import { LoginThrottle } from './login-throttle';
import { DUMMY_HASH, verifyPassword, localizedError } from '@app/common';

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

  /**
   * The signed-in user of a session token, or null: one statement joining session, user and organisation (every
   * request goes through it, so it is a prepared statement), read afresh each time, so a sign-out, a deactivation
   * or a role change counts at once.
   */
  async resolveSession(token: string): Promise<AuthUser | null> {
    const rows = await preparedQuery<SessionRow>(
      this.sessions.manager.connection,
      'session-user',
      `SELECT s.id AS "sessionId", u.id, u.email, u.display_name AS "displayName", u.role, u.preferred_language AS "preferredLanguage",
              o.id AS "orgId", o.name AS "orgName", o.short_name AS "orgShortName", o.kind AS "orgKind", o.state AS "orgState"
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN organizations o ON o.id = u.organization_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active AND o.active`,
      [this.hashToken(token), new Date()],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id,
      email: r.email,
      displayName: r.displayName,
      role: r.role,
      preferredLanguage: r.preferredLanguage,
      organization: { id: r.orgId, name: r.orgName, shortName: r.orgShortName, kind: r.orgKind, state: r.orgState },
      sessionId: r.sessionId,
    };
  }

  async logout(sessionId: string): Promise<void> {
    await this.sessions.update({ id: sessionId }, { revokedAt: new Date() });
  }

  async revokeAllSessions(userId: string): Promise<void> {
    await this.sessions.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}

interface SessionRow {
  sessionId: string;
  id: string;
  email: string;
  displayName: string;
  role: AuthUser['role'];
  preferredLanguage: string;
  orgId: string;
  orgName: string;
  orgShortName: string;
  orgKind: AuthUser['organization']['kind'];
  orgState: string | null;
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
