import {
  ACTIVE_STATE_LABELS,
  activeState,
  isEnumValue,
  ROLE_LABELS,
  SYSTEM_STATUS_LABELS,
  type SystemStatus,
} from '@jixiao/core';
import { useView } from '../context';
import type { Lang } from '../i18n';

/** A role as a token or the API names it; an unknown one is shown as it is. */
export const roleLabel = (lang: Lang, role: string): string =>
  isEnumValue('role', role) ? ROLE_LABELS[role][lang] : role;

/** A list of roles, in the language's way of listing. */
export const rolesText = (lang: Lang, roles: readonly string[]): string =>
  roles.map((r) => roleLabel(lang, r)).join(lang === 'zh' ? '、' : ', ');

/** 启用 / 停用. */
export function ActiveBadge(props: { active: boolean }) {
  const { lang } = useView();
  return (
    <span class={props.active ? 'badge ok' : 'badge off'}>
      {ACTIVE_STATE_LABELS[activeState(props.active)][lang]}
    </span>
  );
}

/** An indicator system's status (草稿, 已备案 …); an unknown one is shown as it is. */
export function StatusBadge(props: { status: SystemStatus }) {
  const { lang } = useView();
  const s = props.status;
  return (
    <span class={`badge st-${s}`} data-status={s}>
      {isEnumValue('systemStatus', s) ? SYSTEM_STATUS_LABELS[s][lang] : s}
    </span>
  );
}
