import type { Child } from 'hono/jsx';
import { jsxRenderer } from 'hono/jsx-renderer';
import { assetUrl } from '../assets';
import { rolesText } from '../components/badges';
import { BASE, type Ctx, viewOf } from '../context';
import { type Lang, t } from '../i18n';
import { isCurrent, navFor } from './nav';

/** What a page tells the layout: its title, and whether wide tables may use the whole screen. */
export interface PageProps {
  title: string;
  /** Wide tables (the indicator tree) use more of the screen. */
  wide?: boolean;
  /** No header and navigation (the sign-in page). */
  bare?: boolean;
  /** A page of the public portal: its own style sheet on top of the console's (mobile first). */
  portal?: boolean;
}

/** `c.render(content, { title })`, typed for every page. */
declare module 'hono' {
  interface ContextRenderer {
    // biome-ignore lint/style/useShorthandFunctionType: a module augmentation has to be an interface
    (content: string | Promise<string>, props: PageProps): Response | Promise<Response>;
  }
}

/** The link that switches language, keeping the current page and query. */
function langHref(url: URL, lang: Lang): string {
  const q = new URLSearchParams(url.search);
  q.delete('ok');
  q.set('lang', lang === 'zh' ? 'en' : 'zh');
  return `${url.pathname}?${q.toString()}`;
}

function Header(props: { c: Ctx }) {
  const { lang, me, url } = viewOf(props.c);
  return (
    <header class="top">
      <a class="brand" href={BASE}>
        {t(lang, 'productName')}
      </a>
      {me?.tenant ? <span class="tenant">{me.tenant.fullName}</span> : null}
      <div class="who">
        {me ? (
          <span>
            {me.identity.name} <span class="roles">{rolesText(lang, me.identity.roles)}</span>
          </span>
        ) : null}
        {/* Named by its visible text, in its own language (a screen reader says "English"). */}
        <a
          href={langHref(url, lang)}
          hreflang={lang === 'zh' ? 'en' : 'zh'}
          lang={lang === 'zh' ? 'en' : 'zh-CN'}
          title={t(lang, 'switchLangLabel')}
        >
          {t(lang, 'switchLang')}
        </a>
        {me ? (
          <form method="post" action={`${BASE}/sign-out`}>
            <button type="submit">{t(lang, 'signOut')}</button>
          </form>
        ) : null}
      </div>
    </header>
  );
}

function Nav(props: { c: Ctx }) {
  const { lang, me, url } = viewOf(props.c);
  if (!me) return null;
  return (
    <nav class="main" aria-label={t(lang, 'nav')}>
      <ul>
        {navFor(me).map((n) => (
          <li>
            <a href={n.href} aria-current={isCurrent(url.pathname, n.href) ? 'page' : undefined}>
              {t(lang, n.label)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The layout, once: <html>, head (title, the style sheet), header (brand, tenant, who, language,
 * sign-out), navigation, <main>. Pages call `c.render(content, { title })`; the language, caller
 * and URL come from the request context, not from the page.
 */
export const renderer = jsxRenderer<{ Variables: Record<string, unknown> }>(
  (props: { children?: Child } & PageProps, c) => {
    const ctx = c as unknown as Ctx;
    const lang = ctx.get('lang');
    return (
      <html lang={lang === 'zh' ? 'zh-CN' : 'en'}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <meta name="referrer" content="same-origin" />
          <title>{`${props.title} · ${t(lang, 'productName')}`}</title>
          <link rel="icon" type="image/svg+xml" href={assetUrl('favicon.svg')} />
          <link rel="stylesheet" href={assetUrl('console.css')} />
          {props.portal ? <link rel="stylesheet" href={assetUrl('portal.css')} /> : null}
        </head>
        {props.bare ? (
          <body class="bare">
            <main id="main">{props.children}</main>
          </body>
        ) : (
          <body class={props.portal ? 'portal' : undefined}>
            <a class="skip" href="#main">
              {t(lang, 'skipToMain')}
            </a>
            <Header c={ctx} />
            <Nav c={ctx} />
            <main id="main" class={props.wide ? 'wide' : undefined}>
              {props.children}
            </main>
          </body>
        )}
      </html>
    );
  },
  { docType: '<!doctype html>' },
);
