import { Anchor, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from '../router';
import { useSignedInUser } from '../auth/current-user';
import { useSectionsFor } from '../navigation';
import { useTranslation } from '../i18n';

/** One card per section the signed-in role may open (except home itself), from the routes table. */
export function SectionCards() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const sections = useSectionsFor(user.role).filter((section) => section.section !== 'home' && section.nav !== 'none');

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
      {sections.map((section) => (
        <Card key={section.path} withBorder padding="lg">
          <Title order={3} size="h4" mb={6}>
            <Anchor component={Link} to={section.path} inherit>
              {t(`sections.${section.section}.title`)}
            </Anchor>
          </Title>
          <Text size="sm" c="dimmed">
            {t(`sections.${section.section}.description`)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
