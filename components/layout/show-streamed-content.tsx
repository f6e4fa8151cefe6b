/**
 * For pages whose content streams in behind <Suspense> (the account and order pages). React
 * streams late content into hidden elements at the end of <body> and moves them into place with
 * a script; without JavaScript they would stay hidden. This shows them instead, above the footer,
 * and hides loading messages marked `data-stream-fallback`. (In Tailwind's first layer, because
 * its base layer hides [hidden] with !important.) Render it once, after the <Suspense> boundary.
 */
const SHOW_STREAMED_CONTENT_WITHOUT_JS = `@layer theme { @media (scripting: none) {
body{display:flex;flex-direction:column}
body>footer{order:2}
body>div[hidden][id^="S:"]{display:block!important;order:1;width:100%;max-width:48rem;margin:0 auto 2rem;padding:0 1rem}
body>div[hidden][id^="S:"]>*+*{margin-top:2rem}
[data-stream-fallback]{display:none!important}
} }`;

export function ShowStreamedContentWithoutJs() {
  return <style>{SHOW_STREAMED_CONTENT_WITHOUT_JS}</style>;
}

/**
 * The back office's version, rendered once by its layout (app/(backoffice)/admin/layout.tsx): its
 * staff gate and every page stream behind <Suspense>, so without JavaScript the content arrives as
 * hidden `S:` elements after the shell (the header), the gate's first (the nav, the page's heading
 * and anything not behind the page's own boundary), then the page's. This shows them in that order
 * under the header, each in the back office's page width, and hides the loading messages. Parts
 * that need JavaScript carry `data-needs-js` (hidden without it); their replacement, a
 * `data-without-js` element, is hidden with it. Every rule is !important: Tailwind's later layers
 * (base, utilities) would win otherwise.
 */
const SHOW_STREAMED_BACK_OFFICE_WITHOUT_JS = `@layer theme {
[data-without-js]{display:none!important}
@media (scripting: none) {
body{background-color:var(--color-stone-50)!important}
[data-backoffice-shell]{min-height:0!important}
body>div[hidden][id^="S:"]{display:block!important;width:100%!important;max-width:80rem!important;margin:0 auto!important;padding:0 1rem 1rem!important}
body>div[hidden][id^="S:"]:has(>[data-backoffice-bar]){max-width:none!important;padding:0!important}
[data-stream-fallback],[data-needs-js]{display:none!important}
[data-without-js]{display:block!important}
} }`;

export function ShowStreamedBackOfficeWithoutJs() {
  return <style>{SHOW_STREAMED_BACK_OFFICE_WITHOUT_JS}</style>;
}
