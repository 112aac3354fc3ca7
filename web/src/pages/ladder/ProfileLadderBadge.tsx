import { UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LadderModal } from './LadderModal.tsx';
import { useCustomerLadder } from './ladder-api.ts';
import { StageBadge } from './StageBadge.tsx';

/** The stage badge of the profile header; a click opens the history and the override. */
export function ProfileLadderBadge({ customerId, editable }: { customerId: string; editable: boolean }) {
  const { t } = useTranslation('ladder');
  const ladder = useCustomerLadder(customerId);
  const [open, setOpen] = useState(false);
  if (!ladder.data) return null;
  const { stage, override } = ladder.data;
  return (
    <>
      <UnstyledButton
        onClick={() => setOpen(true)}
        aria-label={t('profile.open', { stage: t(`stages.${stage}`) })}
        data-testid="ladder-badge"
        data-stage={stage}
      >
        <StageBadge stage={stage} manual={Boolean(override)} style={{ cursor: 'pointer' }} />
      </UnstyledButton>
      {open && <LadderModal ladder={ladder.data} opened onClose={() => setOpen(false)} editable={editable} />}
    </>
  );
}
