// On every page of a demo build (npm start): payments are test payments, e-mails are captured, and
// the demo accounts' password is public. Fixed at build time (next.config.ts), so pages stay static.
export function DemoRibbon() {
  if (process.env.HALLES_BUILD_MODE !== "demo") return null;
  return (
    <p role="note" data-testid="demo-ribbon" className="bg-amber-300 px-4 py-1 text-center text-sm font-semibold text-stone-900">
      Demo shop: test payments. Nothing is charged or delivered.
    </p>
  );
}
