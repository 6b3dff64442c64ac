import { CounsellorProfileView } from '../features/counsellors/components/CounsellorProfileView';
import { useSession } from '../features/auth/hooks/useSession';

export default function MyProfilePage() {
  const { data: session } = useSession();
  if (session?.stage !== 'full') return null;
  return <CounsellorProfileView userId={session.user.id} mode="self" />;
}
