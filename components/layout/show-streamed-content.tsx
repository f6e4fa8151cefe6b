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
