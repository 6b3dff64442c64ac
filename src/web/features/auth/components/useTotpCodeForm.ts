import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MfaVerifySchema } from '../../../../shared/auth.schema';
import type { SessionInfo } from '../../../../shared/auth.schema';
import { useSchemaForm } from '../../../components/useSchemaForm';

/**
 * The form of a step that asks for the code from the authenticator app (sign-in, enrolment): the code is
 * checked as the server checks it, and a code the server refuses is cleared for the next one.
 */
export function useTotpCodeForm(
  send: (code: string) => Promise<SessionInfo>,
  onDone: (session: SessionInfo) => void,
) {
  const { t } = useTranslation();
  const { form, onSubmit, showServerErrors } = useSchemaForm({
    initialValues: { code: '' },
    schema: MfaVerifySchema,
    // Empty or short, the answer is the same: the six digits from the app.
    fieldMessages: { code: t('fieldErrors.six_digits') },
  });
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: onDone,
    onError: (error) => {
      form.setFieldValue('code', '');
      showServerErrors(error);
    },
  });
  return {
    mutation,
    submit: onSubmit(({ code }) => mutation.mutate(code)),
    /** For TotpCodeInput. */
    codeProps: { ...form.getInputProps('code'), value: form.getValues().code },
  };
}
