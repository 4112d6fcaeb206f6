import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { RouterProvider, type Router } from './router';
import { NotificationsProvider } from './components/notifications';
import { isRightToLeft, useTranslation } from './i18n';
import { SectionsProvider, type AppSection } from './navigation';
import { createAppTheme, cssVariablesResolver } from './theme';

interface AppProps {
  router: Router;
  sections: readonly AppSection[];
}

export function App({ router, sections }: AppProps) {
  const { t, i18n } = useTranslation();
  const theme = useMemo(() => createAppTheme(t), [t]);
  return (
    // Arabic is laid out right to left: Mantine mirrors its components from the direction (with <html dir>, set by
    // i18n/index.ts); tables and charts follow it too (reports/echart.tsx).
    <DirectionProvider initialDirection={isRightToLeft(i18n.language) ? 'rtl' : 'ltr'}>
      <FollowLanguageDirection language={i18n.language} />
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
        <NotificationsProvider>
          <SectionsProvider sections={sections}>
            <RouterProvider router={router} />
          </SectionsProvider>
        </NotificationsProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

function FollowLanguageDirection({ language }: { language: string }) {
  const { setDirection } = useDirection();
  useEffect(() => setDirection(isRightToLeft(language) ? 'rtl' : 'ltr'), [language, setDirection]);
  return null;
}
