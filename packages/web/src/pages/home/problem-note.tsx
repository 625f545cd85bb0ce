import type { Problem } from '@jixiao/core';
import { useView } from '../../context';
import { formatNumber } from '../../i18n';

/** An API refusal inside a card (the rest of the page still shows). */
export function ProblemNote(props: { problem: Problem }) {
  const { lang } = useView();
  return (
    <p class="alert" role="alert">
      {props.problem.message[lang]}
    </p>
  );
}

/** A count, with `+` when the list was longer than what was read. */
export const countText = (n: number, complete: boolean) => `${formatNumber(n)}${complete ? '' : '+'}`;
