import type { StorageView } from '@jixiao/core';
import { Facts } from '../../components/fields';
import { useView } from '../../context';
import { t } from '../../i18n';
import { formatBytes, kindsText, sharePct } from './format';

/**
 * A tenant's storage use as a bar (a <meter>: used against the quota, with the numbers in words
 * beside it, never the bar alone), the count of files and the kinds and size it accepts. Shown to
 * the tenant on /console/storage and to the platform operator on the tenant's page.
 */
export function StorageUse(props: { s: StorageView }) {
  const { lang } = useView();
  const { s } = props;
  const used = t(lang, 'evUsed', {
    used: formatBytes(s.usedBytes, lang),
    quota: formatBytes(s.quotaBytes, lang),
    share: sharePct(s.usedShare),
  });
  return (
    <Facts
      rows={[
        [
          t(lang, 'evUsage'),
          <>
            <meter
              id="ev-usage"
              min={0}
              max={s.quotaBytes}
              value={Math.min(s.usedBytes, s.quotaBytes)}
              high={s.quotaBytes * 0.8}
              optimum={0}
              aria-label={t(lang, 'evUsage')}
              aria-describedby="ev-usage-text"
            />{' '}
            <span id="ev-usage-text" data-used={s.usedBytes} data-quota={s.quotaBytes}>
              {used}
            </span>
          </>,
        ],
        [t(lang, 'evFiles'), <span id="ev-files">{s.files}</span>],
        [t(lang, 'evQuota'), formatBytes(s.quotaBytes, lang)],
        [t(lang, 'evAllowedKinds'), kindsText(s.settings.allowedKinds, lang)],
        [t(lang, 'evMaxFileMb'), formatBytes(s.settings.maxFileBytes, lang)],
      ]}
    />
  );
}
