import { RECTIFICATION_STATUS_LABELS, type RectificationStatus } from '@jixiao/core';
import { useView } from '../../context';
import { t } from '../../i18n';

const STATUS_CLASS: Record<RectificationStatus, string> = {
  open: 'badge st-draft',
  in_progress: 'badge st-submitted',
  done: 'badge st-submitted',
  closed: 'badge ok',
  cancelled: 'badge',
};

/** A task's status, and 已逾期 · 逾期 N 天 beside it when it is overdue. */
export function TaskStatus(props: { status: RectificationStatus; daysOverdue: number }) {
  const { lang } = useView();
  return (
    <>
      <span class={STATUS_CLASS[props.status]} data-status={props.status}>
        {RECTIFICATION_STATUS_LABELS[props.status][lang]}
      </span>
      {props.daysOverdue > 0 ? (
        <>
          {' '}
          <span
            class="badge off"
            data-overdue={props.daysOverdue}
            title={t(lang, 'ocOverdueDays', { n: props.daysOverdue })}
          >
            {t(lang, 'ocOverdue')} · {t(lang, 'ocOverdueDays', { n: props.daysOverdue })}
          </span>
        </>
      ) : null}
    </>
  );
}
