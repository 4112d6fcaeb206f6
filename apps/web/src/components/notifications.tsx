import { Notification, Portal, Stack } from '@mantine/core';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from '../i18n';

// A small toast stack: the app has no @mantine/notifications package, and needs only "it worked" and
// "it failed" messages that stay a few seconds and can be dismissed.

export interface NotificationInput {
  title: string;
  message?: ReactNode;
  color?: 'green' | 'red' | 'yellow' | 'blue';
  /** Milliseconds before it closes itself; failures stay longer by default. */
  autoCloseMs?: number;
}

interface ShownNotification extends NotificationInput {
  id: number;
}

type Notify = (notification: NotificationInput) => void;

const NotifyContext = createContext<Notify>(() => undefined);

export function useNotify(): Notify {
  return useContext(NotifyContext);
}

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<ShownNotification[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setShown((current) => current.filter((notification) => notification.id !== id));
  }, []);

  const notify = useCallback<Notify>(
    (notification) => {
      const id = nextId.current++;
      setShown((current) => [...current.slice(-3), { ...notification, id }]);
      const delay = notification.autoCloseMs ?? (notification.color === 'red' ? 10_000 : 6_000);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), delay),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const value = useMemo(() => notify, [notify]);

  return (
    <NotifyContext.Provider value={value}>
      {children}
      <Portal>
        <Stack
          gap="sm"
          w={380}
          maw="calc(100vw - 32px)"
          style={{ position: 'fixed', top: 76, right: 16, zIndex: 1000 }}
          role="region"
          aria-label={t('notifications.regionLabel')}
          aria-live="polite"
        >
          {shown.map((notification) => (
            <Notification
              key={notification.id}
              title={notification.title}
              color={notification.color ?? 'blue'}
              withBorder
              style={{ boxShadow: 'var(--mantine-shadow-md)' }}
              role={notification.color === 'red' ? 'alert' : 'status'}
              onClose={() => dismiss(notification.id)}
              closeButtonProps={{ 'aria-label': t('notifications.close') }}
            >
              {notification.message}
            </Notification>
          ))}
        </Stack>
      </Portal>
    </NotifyContext.Provider>
  );
}
