import { useParams } from 'react-router';
import { CounsellorProfileView } from '../features/counsellors/components/CounsellorProfileView';

export default function CounsellorPage() {
  const { id = '' } = useParams();
  return <CounsellorProfileView key={id} userId={id} mode="manager" />;
}
