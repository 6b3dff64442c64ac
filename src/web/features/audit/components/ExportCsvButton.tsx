import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { exportUrl, type LogFilters } from '../api';

/** A plain download link: the browser saves the file; the server checks the role and audits the export. */
export function ExportCsvButton({ log, filters }: { log: 'audit' | 'access-log'; filters: LogFilters }) {
  const { t } = useTranslation();
  return (
    <Group gap="sm" wrap="wrap">
      <Button component="a" href={exportUrl(log, filters)} download variant="default">
        {t('audit.export')}
      </Button>
      <Text size="xs" c="dimmed" maw={520}>
        {t('audit.exportHint')}
      </Text>
    </Group>
  );
}
