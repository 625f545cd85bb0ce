import { assetUrl } from '../../assets';
import { useView } from '../../context';
import { t } from '../../i18n';

/** What every evidence page shares: the flash after an upload, the frozen notice, the script. */

/** `?ok=uploaded` (the upload script comes back here when a file is filed). */
export function UploadedFlash() {
  const { lang, url } = useView();
  if (url.searchParams.get('ok') !== 'uploaded') return null;
  return (
    <p class="flash" role="status" id="ev-flash">
      {t(lang, 'evFlashUploaded')}
    </p>
  );
}

/** Why nothing can be uploaded, in the API's words (the cycle's evaluation is frozen). */
export function FrozenNotice(props: { frozen?: { zh: string; en: string } }) {
  const { lang } = useView();
  if (!props.frozen) return null;
  return (
    <p class="notice" id="ev-frozen" role="note">
      {props.frozen[lang]}
    </p>
  );
}

/** The upload (and copy-the-hash) script; it does nothing on a page without forms or buttons. */
export const EvidenceScript = () => <script src={assetUrl('evidence-upload.js')} defer />;
