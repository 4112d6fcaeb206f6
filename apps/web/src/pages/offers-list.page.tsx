import { Button } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from '../router';
import { offerListQuery } from '../api/offers';
import { OFFER_STATUSES } from '../api/offer-status';
import { useSignedInUser } from '../auth/current-user';
import { useListParams } from '../components/list-controls';
import { PageHeader } from '../components/page-header';
import { RecordList } from '../records/record-list';
import { OfferActions } from '../offers/offer-actions';
import { OfferFilters, OFFER_FILTER_KEYS } from '../offers/offer-filters';
import { OffersTable } from '../offers/offers-table';
import { useTranslation } from '../i18n';

// The Committee sees offers once they are submitted; drafts stay with their provider.
const COMMITTEE_STATUSES = OFFER_STATUSES.filter((status) => status !== 'draft');

/** Every offer providers have submitted, for the Committee. */
export function CommitteeOffersPage() {
  const { t } = useTranslation();
  const list = useListParams(OFFER_FILTER_KEYS, { sort: '-updatedAt' });
  const offers = useQuery({
    ...offerListQuery({ page: list.page, pageSize: list.pageSize, sort: list.sort, ...list.filters }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader title={t('sections.offers.title')}>{t('committeeOffers.intro')}</PageHeader>
      <OfferFilters list={list} statuses={COMMITTEE_STATUSES} showProvider showServesState />
      <RecordList
        query={offers}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('committeeOffers.empty.title')}
        emptyDescription={t('committeeOffers.empty.description')}
        list={list}
      >
        {(items) => (
          <OffersTable
            items={items}
            columns={[
              'title',
              'provider',
              'status',
              'assistanceTypes',
              'eligibility',
              'capacity',
              'availableUntil',
              'updatedAt',
            ]}
            sort={list.sort}
            onSort={list.setSort}
            label={t('sections.offers.title')}
          />
        )}
      </RecordList>
    </>
  );
}

/** The provider's own offers, with what it can do to each. */
export function MyOffersPage() {
  const { t } = useTranslation();
  const user = useSignedInUser();
  const list = useListParams(OFFER_FILTER_KEYS, { sort: '-updatedAt' });
  const offers = useQuery({
    ...offerListQuery({
      page: list.page,
      pageSize: list.pageSize,
      sort: list.sort,
      ...list.filters,
      provider: user.organization.id,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title={t('sections.myOffers.title')}
        actions={
          <Button component={Link} to="/provider/offers/new">
            {t('myOffers.new')}
          </Button>
        }
      >
        {t('myOffers.intro', { organisation: user.organization.shortName })}
      </PageHeader>
      <OfferFilters list={list} statuses={OFFER_STATUSES} />
      <RecordList
        query={offers}
        filtered={list.activeFilterCount > 0}
        emptyTitle={t('myOffers.empty.title')}
        emptyDescription={t('myOffers.empty.description')}
        emptyAction={
          list.activeFilterCount ? undefined : (
            <Button component={Link} to="/provider/offers/new" variant="light">
              {t('myOffers.new')}
            </Button>
          )
        }
        list={list}
      >
        {(items) => (
          <OffersTable
            items={items}
            columns={['title', 'status', 'eligibility', 'capacity', 'availableUntil']}
            sort={list.sort}
            onSort={list.setSort}
            label={t('sections.myOffers.title')}
            rowActions={(offer) => <OfferActions offer={offer} size="xs" />}
            rowActionsLabel={t('list.actions')}
          />
        )}
      </RecordList>
    </>
  );
}
