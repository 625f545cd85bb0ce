import type { EvidenceSettings } from '@jixiao/core';
import { useView } from '../../context';
import { type MessageKey, t } from '../../i18n';
import { acceptOf, bytesWord, extensionsOf, formatBytes, kindsText } from './format';
import { uploadsHref } from './paths';

/**
 * The upload forms of an evidence list and the one element that configures their script
 * (evidence-upload.js): the kinds and size the tenant accepts, where tickets are asked for and
 * confirmed, where to go when done, and every message in the page's language (the script chooses
 * no words of its own). Without JavaScript the button stays disabled and the form says why.
 */

const MESSAGES: [string, MessageKey][] = [
  ['choose', 'evMsgChoose'],
  ['kind', 'evMsgKind'],
  ['empty', 'evMsgEmpty'],
  ['size', 'evMsgSize'],
  ['sending', 'evMsgSending'],
  ['checking', 'evMsgChecking'],
  ['done', 'evMsgDone'],
  ['storage', 'evMsgStorage'],
  ['failed', 'evMsgFailed'],
  ['noext', 'evNoExt'],
];

/** What the tenant accepts, in words, once per page above the forms. */
export function AllowedNote(props: { settings: EvidenceSettings }) {
  const { lang } = useView();
  const { settings } = props;
  return (
    <p class="muted" id="ev-allowed">
      {t(lang, 'evAllowed', {
        kinds: kindsText(settings.allowedKinds, lang),
        max: formatBytes(settings.maxFileBytes, lang),
      })}
    </p>
  );
}

/** The script's settings and words, once per page. */
export function UploadConfig(props: { settings: EvidenceSettings; listHref: string }) {
  const { lang } = useView();
  const { settings } = props;
  const fill = {
    kinds: kindsText(settings.allowedKinds, lang),
    max: formatBytes(settings.maxFileBytes, lang),
  };
  const attrs: Record<string, string> = {};
  for (const [name, key] of MESSAGES) attrs[`data-msg-${name}`] = t(lang, key, fill);
  return (
    <div
      id="ev-config"
      hidden
      data-exts={extensionsOf(settings.allowedKinds).join(',')}
      data-max={String(settings.maxFileBytes)}
      data-uploads={uploadsHref(props.listHref)}
      data-done={`${props.listHref}?ok=uploaded`}
      data-bytes-word={bytesWord(lang)}
      {...attrs}
    />
  );
}

/** One upload form: a new document for an indicator (or the office), or a new version of one. */
export function UploadForm(props: {
  id: string;
  label: string;
  settings: EvidenceSettings;
  leaf?: string;
  evidence?: string;
  /** The element to show when the page comes back after the upload. */
  anchor: string;
}) {
  const { lang } = useView();
  const { id, settings } = props;
  return (
    <form
      class="ev-upload stacked"
      id={id}
      data-leaf={props.leaf}
      data-evidence={props.evidence}
      data-anchor={props.anchor}
      novalidate
    >
      <div class="field">
        <label for={`${id}-file`}>{props.label}</label>
        <span class="hint" id={`${id}-hint`}>
          {t(lang, 'evAllowedShort', {
            exts: extensionsOf(settings.allowedKinds)
              .map((e) => e.toUpperCase())
              .join(lang === 'zh' ? '、' : ', '),
            max: formatBytes(settings.maxFileBytes, lang),
          })}
        </span>
        <input
          type="file"
          id={`${id}-file`}
          name="file"
          accept={acceptOf(settings.allowedKinds)}
          aria-describedby={`${id}-hint`}
        />
      </div>
      <p class="hint ev-nojs">{t(lang, 'evNoJs')}</p>
      <p class="ev-progress" hidden>
        <label for={`${id}-bar`}>{t(lang, 'evProgress')}</label>{' '}
        <progress id={`${id}-bar`} max={100} value={0} />{' '}
        <span class="ev-pct" aria-live="polite">
          0%
        </span>
      </p>
      <p class="ev-msg" role="alert" hidden />
      <button class="primary" type="submit" disabled>
        {t(lang, 'evUpload')}
      </button>
    </form>
  );
}
