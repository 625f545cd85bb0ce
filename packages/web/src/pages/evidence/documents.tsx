import { EVIDENCE_KIND_LABELS, type Evidence, type EvidenceVersion } from '@jixiao/core';
import { useView } from '../../context';
import { formatDateTime, t } from '../../i18n';
import { formatBytes, isImage, previewable, shortHash } from './format';
import { versionHref } from './paths';

/**
 * A list of documents with every version (newest first): file name and kind, size, SHA-256
 * (shortened; the full value in the title and a copy button the upload script turns on), who and
 * when (Beijing time), the lock, and the ways to the bytes — download, and for images and PDF a
 * preview in the browser (images as a thumbnail here, PDF in a new tab).
 */

function HashCell(props: { sha256: string }) {
  const { lang } = useView();
  const { sha256 } = props;
  return (
    <>
      <code class="code" title={t(lang, 'evHashTitle', { hash: sha256 })} data-sha256={sha256}>
        {shortHash(sha256)}…
      </code>{' '}
      <button type="button" class="mini" data-copy={sha256} data-copied={t(lang, 'evCopied')} hidden>
        {t(lang, 'evCopy')}
      </button>
    </>
  );
}

function Links(props: { listHref: string; doc: Evidence; v: EvidenceVersion; latest: boolean }) {
  const { lang } = useView();
  const { listHref, doc, v } = props;
  const inline = versionHref(listHref, doc.id, v.n, true);
  return (
    <>
      <a href={versionHref(listHref, doc.id, v.n)} data-download={`${doc.id}/${v.n}`}>
        {t(lang, 'evDownload')}
      </a>
      {previewable(v.kind) ? (
        <>
          {' · '}
          <a href={inline} target="_blank" rel="noopener" data-preview={`${doc.id}/${v.n}`}>
            {t(lang, 'evPreview')}
          </a>
        </>
      ) : null}
      {props.latest && isImage(v.kind) ? (
        <p>
          <a href={inline} target="_blank" rel="noopener">
            <img src={inline} alt={v.fileName} width={160} loading="lazy" />
          </a>
        </p>
      ) : null}
    </>
  );
}

function VersionRow(props: { listHref: string; doc: Evidence; v: EvidenceVersion; latest: boolean }) {
  const { lang } = useView();
  const { doc, v } = props;
  return (
    <tr id={`ev-${doc.id}-v${v.n}`} data-evidence={doc.id} data-n={v.n} data-file={v.fileName}>
      <td>
        {props.latest ? <strong>{v.fileName}</strong> : <span class="muted">{v.fileName}</span>}
        <br />
        <span class="muted">{EVIDENCE_KIND_LABELS[v.kind][lang]}</span>
        {v.note ? <span class="note"> {v.note}</span> : null}
      </td>
      <td>
        {t(lang, 'evVersionN', { n: v.n })}
        {props.latest ? null : <span class="muted"> {t(lang, 'evOlder')}</span>}
      </td>
      <td class="num" data-size={v.size}>
        {formatBytes(v.size, lang)}
      </td>
      <td>
        <HashCell sha256={v.sha256} />
      </td>
      <td>{v.by.name}</td>
      <td>{formatDateTime(v.at, lang)}</td>
      <td>
        {v.lockedAt ? (
          <span
            class="badge off"
            data-locked={v.lockedAt}
            title={t(lang, 'evLockedTitle', { until: formatDateTime(v.retainUntil, lang) })}
          >
            {t(lang, 'evLocked')}
          </span>
        ) : null}
      </td>
      <td>
        <Links {...props} />
      </td>
    </tr>
  );
}

/** The documents' table (nothing but a line when there are none). */
export function DocumentTable(props: { docs: readonly Evidence[]; listHref: string }) {
  const { lang } = useView();
  if (props.docs.length === 0) return <p class="muted">{t(lang, 'evNone')}</p>;
  return (
    <div class="scroll">
      <table class="evidence">
        <thead>
          <tr>
            <th scope="col">{t(lang, 'evFile')}</th>
            <th scope="col">{t(lang, 'evVersion')}</th>
            <th scope="col" class="num">
              {t(lang, 'evSize')}
            </th>
            <th scope="col">{t(lang, 'evHash')}</th>
            <th scope="col">{t(lang, 'evBy')}</th>
            <th scope="col">{t(lang, 'evAt')}</th>
            <th scope="col">{t(lang, 'status')}</th>
            <th scope="col">{t(lang, 'actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.docs.flatMap((doc) => {
            const versions = [...doc.versions].sort((a, b) => b.n - a.n);
            return versions.map((v, i) => (
              <VersionRow listHref={props.listHref} doc={doc} v={v} latest={i === 0} />
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
