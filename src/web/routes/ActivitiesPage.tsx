import { ActionIcon, Button, Group, NativeSelect, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { DateRangeInputs } from '../components/DateRangeInputs';
import { EmptyState } from '../components/EmptyState';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDay, todayIso } from '../components/format';
import { Loading } from '../components/Loading';
import { PageHeading } from '../components/PageHeading';
import { ActivityCalendar } from '../features/activities/components/ActivityCalendarSwitch';
import { ActivityForm } from '../features/activities/components/ActivityForm';
import { ActivityList } from '../features/activities/components/ActivityList';
import { TypeCoursesModal } from '../features/activities/components/TypeCoursesModal';
import { addDaysTo, addMonthsTo, monthEnd, monthStart, mondayOf } from '../features/activities/calendar';
import { useActivities, useActivityTypes } from '../features/activities/hooks';
import { termLabelOf } from '../features/activities/labels';
import { useMunicipalities } from '../features/counsellors/hooks';
import { currentLanguage, directionOf } from '../i18n';

type View = 'list' | 'month' | 'week';

export default function ActivitiesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const language = currentLanguage();
  const rtl = directionOf(language) === 'rtl';
  const [view, setView] = useState<View>('list');
  const [anchor, setAnchor] = useState(todayIso);
  const [range, setRange] = useState(() => ({
    from: addDaysTo(todayIso(), -30),
    to: addDaysTo(todayIso(), 90),
  }));
  const [typeId, setTypeId] = useState('');
  const [municipalityId, setMunicipalityId] = useState('');
  const [facilitatorId, setFacilitatorId] = useState('');
  const [planning, setPlanning] = useState(false);
  const [courses, setCourses] = useState(false);
  const period =
    view === 'list'
      ? range
      : view === 'month'
        ? { from: mondayOf(monthStart(anchor)), to: addDaysTo(mondayOf(monthEnd(anchor)), 6) }
        : { from: mondayOf(anchor), to: addDaysTo(mondayOf(anchor), 6) };
  const filter = { ...period, typeId, municipalityId, facilitatorId };
  const activities = useActivities(filter, period.from <= period.to);
  // Everyone who facilitates something in the period, for the filter (planners only see it).
  const unfiltered = useActivities(period, activities.data?.canPlan === true);
  const types = useActivityTypes();
  const places = useMunicipalities();
  const canPlan = activities.data?.canPlan ?? false;
  const typeLabel = (id: string) => termLabelOf(types.data?.items.find((x) => x.termId === id)?.labels);
  const facilitators = useMemo(() => {
    const seen = new Map<string, string>();
    for (const a of unfiltered.data?.items ?? []) for (const f of a.facilitators) seen.set(f.userId, f.name);
    return [...seen.entries()].sort((a, b) => a[1].localeCompare(b[1]));
  }, [unfiltered.data]);
  const items = activities.data?.items ?? [];
  const step = (direction: 1 | -1) =>
    setAnchor((day) => (view === 'month' ? addMonthsTo(day, direction) : addDaysTo(day, 7 * direction)));
  const heading =
    view === 'month'
      ? new Intl.DateTimeFormat(language === 'ar' ? 'ar-u-nu-latn' : language, {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${monthStart(anchor)}T00:00:00Z`))
      : `${formatDay(period.from, language)} – ${formatDay(period.to, language)}`;

  return (
    <Stack maw={1200}>
      <PageHeading>{t('titles.activities')}</PageHeading>
      <Text size="sm">{t('activities.intro')}</Text>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label={t('activities.view')}
          value={view}
          onChange={(value) => setView(value)}
          data={[
            { value: 'list', label: t('activities.views.list') },
            { value: 'month', label: t('activities.views.month') },
            { value: 'week', label: t('activities.views.week') },
          ]}
        />
        {canPlan ? (
          <Group>
            <Button variant="default" onClick={() => setCourses(true)}>
              {t('activities.typeCourses.open')}
            </Button>
            <Button onClick={() => setPlanning(true)}>{t('activities.plan')}</Button>
          </Group>
        ) : null}
      </Group>
      <Group align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('activities.type')}
          value={typeId}
          onChange={(event) => setTypeId(event.currentTarget.value)}
          data={[
            { value: '', label: t('activities.allTypes') },
            ...(types.data?.items ?? []).map((x) => ({ value: x.termId, label: termLabelOf(x.labels) })),
          ]}
        />
        <NativeSelect
          label={t('activities.municipality')}
          value={municipalityId}
          onChange={(event) => setMunicipalityId(event.currentTarget.value)}
          data={[
            { value: '', label: t('activities.allPlaces') },
            ...(places.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
          ]}
        />
        {canPlan ? (
          <NativeSelect
            label={t('activities.facilitator')}
            value={facilitatorId}
            onChange={(event) => setFacilitatorId(event.currentTarget.value)}
            data={[
              { value: '', label: t('activities.allFacilitators') },
              ...facilitators.map(([value, label]) => ({ value, label })),
            ]}
          />
        ) : null}
        {view === 'list' ? (
          <DateRangeInputs
            from={range.from}
            to={range.to}
            labels={{ from: t('activities.from'), to: t('activities.to') }}
            onChange={(field, value) => value && setRange((old) => ({ ...old, [field]: value }))}
          />
        ) : null}
      </Group>
      {view !== 'list' ? (
        <Group justify="space-between">
          <Group gap="xs">
            <ActionIcon
              variant="default"
              onClick={() => step(-1)}
              aria-label={t(`activities.previous.${view}`)}
            >
              <span aria-hidden>{rtl ? '›' : '‹'}</span>
            </ActionIcon>
            <Button variant="default" size="xs" onClick={() => setAnchor(todayIso())}>
              {t('activities.today')}
            </Button>
            <ActionIcon variant="default" onClick={() => step(1)} aria-label={t(`activities.next.${view}`)}>
              <span aria-hidden>{rtl ? '‹' : '›'}</span>
            </ActionIcon>
          </Group>
          <Title order={2} size="h4" aria-live="polite">
            {heading}
          </Title>
        </Group>
      ) : null}
      <ErrorAlert error={activities.error} />
      {activities.isPending ? <Loading /> : null}
      {view === 'list' && activities.isSuccess && items.length === 0 ? (
        <EmptyState title={t('activities.empty')} />
      ) : null}
      {view === 'list' && items.length > 0 ? <ActivityList items={items} typeLabel={typeLabel} /> : null}
      {view !== 'list' && activities.isSuccess ? (
        <ActivityCalendar view={view} anchor={anchor} items={items} />
      ) : null}
      {planning ? (
        <ActivityForm
          onClose={() => setPlanning(false)}
          onCreated={(id) => void navigate(`/activities/${id}`)}
        />
      ) : null}
      {courses ? <TypeCoursesModal onClose={() => setCourses(false)} /> : null}
    </Stack>
  );
}
