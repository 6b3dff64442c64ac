import { Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { VolunteerRecordCard } from '../features/activities/components/VolunteerRecordCard';
import { CounsellorProfileView } from '../features/counsellors/components/CounsellorProfileView';

export default function CounsellorPage() {
  const { id = '' } = useParams();
  return (
    <Stack>
      <CounsellorProfileView key={id} userId={id} mode="manager" />
      <VolunteerRecordCard key={`record-${id}`} userId={id} />
    </Stack>
  );
}
