import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { FacilitatorHoursCard } from '../features/activities/components/MyActivities';
import { CounsellorProfileView } from '../features/counsellors/components/CounsellorProfileView';

export default function CounsellorPage() {
  const { id = '' } = useParams();
  return (
    <Stack>
      <CounsellorProfileView key={id} userId={id} mode="manager" />
      <FacilitatorHoursCard key={`hours-${id}`} userId={id} />
    </Stack>
  );
}
