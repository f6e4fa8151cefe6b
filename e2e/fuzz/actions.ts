// The fuzzer's requests for each server action, as fast-check arbitraries: posted as Next.js's
// client posts them (Next-Action header, React's encoding), as forms without JavaScript, and with
// arguments no form sends. Every action is found by surface.ts; its form fields (the zod schema's
// keys) live in ACTION_PROFILES, and the spec checks that every action found has its entry.
import fc from "fast-check";
import type { ActionCall, Probe } from "./client";
import { cookieHeader, ids, one, sessions, slug, type FuzzContext } from "./context";
import { badText, field } from "./inputs";
import { pageUrl, type ServerAction } from "./surface";

type ActionProfile = {
  /** `state`: made by lib/actions.ts, called as (previous state, form data); `form`: called with the form data alone. */
  takes: "state" | "form";
  /** The form's fields (the zod schema's keys) and plausible values. */
  fields: (ctx: FuzzContext) => Record<string, fc.Arbitrary<string>>;
  /** Extra field names the action reads by pattern. */
  patternFields?: (ctx: FuzzContext) => fc.Arbitrary<string>;
  /** It ends the customer's session: its requests run after all others. */
  endsSession?: boolean;
  runs?: number;
};

const email = (ctx: FuzzContext) => fc.oneof(one([ctx.customerEmail, ctx.customerEmail.toUpperCase()]), fc.stringMatching(/^fuzz-[a-z0-9]{6}@example\.test$/));
const password = (ctx: FuzzContext) => one([ctx.password, "a-wrong-password", "short"]);
const nextPath = () => one(["/account", "/checkout", "/basket?x=1", "//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]);
const token = () => fc.stringMatching(/^[A-Za-z0-9_-]{20,64}$/);
const text = () => fc.string({ minLength: 1, maxLength: 30 });
const postcode = () => one(["69003", "33000", "75001", "1234", "SW1A 1AA"]);
const phone = () => one(["", "+33 6 12 34 56 78", "06.12.34.56.78"]);
const orderId = (ctx: FuzzContext) => fc.oneof(fc.constant(ctx.orderId), fc.uuid());
const euroText = () => one(["2.49", "2,49", "0", "-1", "1.999", "100000", "", "1e3"]);
const catalogProduct = (ctx: FuzzContext) => ({
  name: text(),
  description: text(),
  brandId: ids(ctx),
  newBrand: text(),
  categoryId: ids(ctx),
  vatRate: one(["550", "2000", "0", "7", "-1", ""]),
  keywords: text(),
});
const catalogVariant = () => ({
  sku: one(["FUZZ-1", "HAL-000001-1", "bad sku", ""]),
  ean: one(["", "3760000000017", "3760000000010", "12345"]),
  sizeLabel: text(),
  sellingMode: one(["unit", "weight", "volume"]),
  weightStepGrams: one(["", "250", "0", "-5"]),
  netQuantity: one(["", "500", "0", "x"]),
  unitPriceBasis: one(["kg", "l", "piece", "m"]),
  price: euroText(),
});
const dietField = () => one(["organic", "vegan", "gluten_free", "keto"]).map((tag) => `diet-${tag}`);
const pageIdField = () => one(["1", "2", "0", "-1", "2147483648", "x"]);
const amount = () => one(["0", "1", "3", "1150", "-1", "1.5", "99999999999", ""]);

export const ACTION_PROFILES: Record<string, ActionProfile> = {
  "lib/auth/actions.ts:signInWithPassword": { takes: "state", fields: (ctx) => ({ email: email(ctx), password: password(ctx), next: nextPath() }) },
  "lib/auth/actions.ts:signUp": {
    takes: "state",
    fields: (ctx) => ({ name: text(), email: email(ctx), password: password(ctx), confirmPassword: password(ctx), next: nextPath() }),
  },
  "lib/auth/actions.ts:confirmSignUp": { takes: "state", fields: () => ({ token: token(), next: nextPath() }) },
  "lib/auth/actions.ts:requestPasswordResetLink": { takes: "state", fields: (ctx) => ({ email: email(ctx) }) },
  "lib/auth/actions.ts:chooseNewPassword": { takes: "state", fields: (ctx) => ({ token: token(), password: password(ctx), confirmPassword: password(ctx) }) },
  "lib/auth/actions.ts:signOutOfAccount": { takes: "state", fields: () => ({}), endsSession: true, runs: 30 },
  "lib/auth/actions.ts:saveAddress": {
    takes: "state",
    fields: () => ({ label: text(), recipient: text(), street: text(), postcode: postcode(), city: text(), phone: phone() }),
  },
  "lib/auth/actions.ts:removeAddress": { takes: "state", fields: (ctx) => ({ id: fc.oneof(fc.constant(ctx.addressId), fc.uuid()) }) },
  // The back office's actions: the fuzzer's sessions are not staff, so every call must be refused cleanly.
  "lib/backoffice/picking-actions.ts:claimOrderAction": { takes: "state", fields: (ctx) => ({ orderId: orderId(ctx) }) },
  "lib/backoffice/picking-actions.ts:settleLineAction": {
    takes: "state",
    fields: (ctx) => ({ orderId: orderId(ctx), lineId: fc.uuid(), outcome: one(["picked", "missing", "substituted", "reset", "eaten"]), quantity: amount(), found: amount(), variantId: ids(ctx) }),
  },
  "lib/backoffice/picking-actions.ts:finishPickingAction": { takes: "state", fields: (ctx) => ({ orderId: orderId(ctx) }) },
  "lib/backoffice/picking-actions.ts:handOverAction": { takes: "state", fields: (ctx) => ({ orderId: orderId(ctx) }) },
  "lib/backoffice/payment-actions.ts:cancelOrderAsAgent": { takes: "state", fields: (ctx) => ({ orderId: orderId(ctx), reason: text() }) },
  "lib/backoffice/payment-actions.ts:requestRefund": {
    takes: "state",
    fields: (ctx) => ({ orderId: orderId(ctx), requestId: fc.uuid(), kind: one(["whole", "lines", "amount", "all"]), amount: one(["1.50", "1,50", "-3", "1e9", ""]), reason: text() }),
    patternFields: () => fc.uuid().map((id) => `line-${id}`),
  },
  "lib/backoffice/content-actions.ts:createLandingPage": { takes: "state", fields: () => ({ title: text(), slug: one(["summer-market", "home", "Bad Slug", "a--b", ""]) }) },
  "lib/backoffice/content-actions.ts:savePageDraft": {
    takes: "state",
    fields: () => ({
      id: pageIdField(),
      version: pageIdField(),
      title: text(),
      description: text(),
      blocks: one(["[]", '[{"type":"hero","title":"x","text":"","link":{"label":"go","href":"javascript:alert(1)"}}]', '[{"type":"richText","doc":{"type":"doc","content":[{"type":"script"}]}}]', "{", "null", '[{"type":"image","mediaId":"x","alt":""}]']),
    }),
    patternFields: () => fc.integer({ min: -1, max: 40 }).map((i) => `blockMedia.${i}`),
  },
  "lib/backoffice/content-actions.ts:publishPage": { takes: "state", fields: () => ({ id: pageIdField(), version: pageIdField() }) },
  "lib/backoffice/content-actions.ts:unpublishPage": { takes: "state", fields: () => ({ id: pageIdField() }) },
  "lib/backoffice/content-actions.ts:schedulePage": {
    takes: "state",
    fields: () => ({ id: pageIdField(), version: pageIdField(), publishAt: one(["", "2030-01-01T10:00", "2020-01-01T10:00", "2030-02-30T10:00", "soon"]), unpublishAt: one(["", "2030-01-02T10:00", "x"]) }),
  },
  "lib/backoffice/content-actions.ts:restoreRevision": { takes: "state", fields: () => ({ id: pageIdField(), version: pageIdField(), revisionId: pageIdField() }) },
  // Job ids no test's job has: the operations spec's failed jobs must stay its own.
  "lib/backoffice/operations-actions.ts:actOnFailedJob": {
    takes: "state",
    fields: () => ({ retry: one(["", "999999999999", "1e3", "-1", "abc"]), discard: one(["", "999999999998", "9".repeat(40)]) }),
  },
  "lib/backoffice/staff-actions.ts:createStaff": {
    takes: "state",
    fields: (ctx) => ({ name: text(), email: email(ctx), role: one(["agent", "marketing", "admin", "customer", "root"]) }),
    patternFields: () => fc.integer({ min: -1, max: 2 ** 31 }).map((id) => `storeId-${id}`),
  },
  "lib/backoffice/staff-actions.ts:updateStaff": {
    takes: "state",
    fields: () => ({ id: fc.uuid(), name: text(), role: one(["agent", "marketing", "admin", "customer"]) }),
    patternFields: () => fc.integer({ min: -1, max: 2 ** 31 }).map((id) => `storeId-${id}`),
  },
  "lib/backoffice/staff-actions.ts:deactivateStaff": { takes: "state", fields: () => ({ id: fc.uuid() }) },
  "lib/backoffice/staff-actions.ts:reactivateStaff": { takes: "state", fields: () => ({ id: fc.uuid() }) },
  "lib/backoffice/stock-actions.ts:correctStoreStock": {
    takes: "state",
    fields: (ctx) => ({ store: slug((c) => c.storeSlugs)(ctx), variantId: ids(ctx), count: amount(), reason: one(["count", "damaged", "expired", "delivery", "other", "theft"]), note: text() }),
  },
  "lib/backoffice/media-actions.ts:uploadMedia": { takes: "state", fields: () => ({ file: text(), alt: text() }) },
  "lib/backoffice/media-actions.ts:uploadProductPhoto": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), file: text(), alt: text() }) },
  "lib/backoffice/media-actions.ts:addLibraryPhoto": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), mediaId: fc.uuid(), alt: text() }) },
  "lib/backoffice/media-actions.ts:removeProductPhoto": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), imageId: ids(ctx) }) },
  "lib/backoffice/media-actions.ts:moveProductPhoto": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), imageId: ids(ctx), direction: one(["up", "down", "left"]) }) },
  // Marketing's catalog actions (lib/backoffice/catalog-actions.ts): refused to the fuzzer's non-staff sessions.
  "lib/backoffice/catalog-actions.ts:createProductAction": { takes: "state", fields: (ctx) => ({ ...catalogProduct(ctx), ...catalogVariant() }), patternFields: () => dietField() },
  "lib/backoffice/catalog-actions.ts:updateProductAction": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), ...catalogProduct(ctx) }), patternFields: () => dietField() },
  "lib/backoffice/catalog-actions.ts:setProductActiveAction": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), active: one(["true", "false", "maybe"]) }) },
  "lib/backoffice/catalog-actions.ts:saveVariantAction": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), variantId: ids(ctx), ...catalogVariant() }) },
  "lib/backoffice/catalog-actions.ts:setStorePriceAction": {
    takes: "state",
    fields: (ctx) => ({ productId: ids(ctx), variantId: ids(ctx), storeId: ids(ctx), intent: one(["set", "clear", "drop"]), price: euroText() }),
  },
  "lib/backoffice/catalog-actions.ts:schedulePriceChangeAction": {
    takes: "state",
    fields: (ctx) => ({ productId: ids(ctx), variantId: ids(ctx), storeId: ids(ctx), price: euroText(), effectiveAt: one(["2031-01-01T08:00", "2020-01-01T08:00", "2031-02-30T25:61", "tomorrow", ""]) }),
  },
  "lib/backoffice/catalog-actions.ts:cancelPriceChangeAction": { takes: "state", fields: (ctx) => ({ productId: ids(ctx), changeId: ids(ctx) }) },
  "lib/backoffice/catalog-actions.ts:createCategoryAction": { takes: "state", fields: (ctx) => ({ name: text(), parentId: ids(ctx) }) },
  "lib/backoffice/catalog-actions.ts:renameCategoryAction": { takes: "state", fields: (ctx) => ({ categoryId: ids(ctx), name: text() }) },
  "lib/backoffice/catalog-actions.ts:moveCategoryAction": { takes: "state", fields: (ctx) => ({ categoryId: ids(ctx), parentId: ids(ctx) }) },
  "lib/backoffice/catalog-actions.ts:reorderCategoryAction": { takes: "state", fields: (ctx) => ({ categoryId: ids(ctx), direction: one(["up", "down", "sideways"]) }) },
  "lib/backoffice/catalog-actions.ts:importCatalogAction": { takes: "state", fields: () => ({ file: one(["sku,name\r\nA,B\r\n", "", "\"open"]), intent: one(["check", "apply", "drop"]) }) },
  "lib/basket/actions.ts:addToBasket": { takes: "state", fields: (ctx) => ({ variantId: ids(ctx), quantity: one(["1", "2", "250", "0", "-1"]), js: one(["1"]) }) },
  "lib/basket/actions.ts:updateBasketLine": { takes: "state", fields: (ctx) => ({ variantId: ids(ctx), quantity: one(["0", "1", "3", "500"]), js: one(["1"]) }) },
  "lib/backoffice/promotion-actions.ts:savePromotion": {
    takes: "state",
    fields: () => ({
      id: one(["", "1", "0", "-1", "99999999999"]),
      kind: one(["code", "multibuy", "category_percent", "other"]),
      name: text(),
      code: one(["WELCOME10", "a", ""]),
      discountType: one(["percent", "fixed", ""]),
      percent: one(["10", "0", "150", "12,5", ""]),
      amount: amount(),
      minBasket: amount(),
      startsOn: one(["2026-12-01", "2026-13-45", ""]),
      endsOn: one(["2026-12-31", "2025-01-01", ""]),
      maxUses: amount(),
      maxUsesPerCustomer: amount(),
      productId: amount(),
      buyQuantity: amount(),
      payQuantity: amount(),
      categoryId: amount(),
    }),
  },
  "lib/backoffice/promotion-actions.ts:archivePromotionAction": { takes: "state", fields: () => ({ id: one(["1", "0", "-1", "abc", "99999999999"]) }) },
  "lib/basket/actions.ts:applyPromotionCode": {
    takes: "state",
    fields: () => ({ intent: one(["apply", "remove", "other"]), code: fc.oneof(one(["WELCOME10", "welcome 10", "", "NOSUCHCODE"]), badText()), js: one(["1"]) }),
  },
  "lib/checkout/actions.ts:placeOrderAndPay": {
    takes: "state",
    fields: (ctx) => ({
      fulfilment: one(["delivery", "collection"]),
      deliverySlotId: one(ctx.slotIds.map(String)),
      collectionSlotId: one(ctx.slotIds.map(String)),
      recipient: text(),
      street: text(),
      postcode: postcode(),
      city: text(),
      phone: phone(),
    }),
    patternFields: (ctx) => ids(ctx).map((id) => `sub_${id}`),
  },
  "lib/orders/actions.ts:payOrder": { takes: "form", fields: (ctx) => ({ orderId: fc.oneof(fc.constant(ctx.orderId), fc.uuid()) }) },
  "lib/orders/actions.ts:cancelOrder": { takes: "form", fields: (ctx) => ({ orderId: fc.oneof(fc.constant(ctx.orderId), fc.uuid()) }) },
  "lib/storefront/actions.ts:chooseStore": { takes: "state", fields: (ctx) => ({ store: slug((c) => c.storeSlugs)(ctx) }) },
};

const fileValue = fc
  .tuple(fc.uint8Array({ maxLength: 3_000 }), fc.constantFrom("a.txt", "../../etc/passwd", 'x".png', "é😀.png", ""), fc.constantFrom("text/plain", "image/png", "application/x-evil", ""))
  .map(([bytes, name, type]) => new File([bytes], name, { type }) as FormDataEntryValue);

/*
 * Not fuzzed: field names naming actions ($ACTION_ID_…, $ACTION_REF_…) in posts without
 * JavaScript. Next.js answers an unknown action id 400 or 404 itself, but prints the error with
 * its stack each time, as it does for a client of an older deployment: nothing the app decides.
 */
/**
 * Control characters (other than tab, CR and LF, which FormData escapes) in a part's name or file
 * name make Next.js's multipart parser (busboy) throw "Malformed part header" before any action
 * runs: a 500 the app cannot answer otherwise, left out here (see the report of issue 6 item 15).
 */
const partHeaderSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

const randomFieldName = fc
  .oneof(
    fc.constantFrom("__proto__", "constructor", "$ACTION_KEY", "0", "_1_email", "", "a".repeat(2_000), "sub_1", "sub_99999999999", "sub_-1", 'a"b', "a\r\nb"),
    fc.string({ unit: "binary", maxLength: 12 }),
  )
  .map(partHeaderSafe);

/** The form's fields: each known one present (mostly), bad or plausible, sometimes twice or a file; plus unknown ones. */
function formFields(profile: ActionProfile, ctx: FuzzContext): fc.Arbitrary<[string, FormDataEntryValue][]> {
  const known = Object.entries(profile.fields(ctx)).map(([name, plausible]) =>
    fc.oneof(
      { weight: 8, arbitrary: field(plausible).map((value): [string, FormDataEntryValue][] => [[name, value]]) },
      { weight: 2, arbitrary: fc.constant<[string, FormDataEntryValue][]>([]) },
      { weight: 1, arbitrary: fc.tuple(field(plausible), field(plausible)).map(([a, b]): [string, FormDataEntryValue][] => [[name, a], [name, b]]) },
      { weight: 1, arbitrary: fileValue.map((file): [string, FormDataEntryValue][] => [[name, file]]) },
    ),
  );
  const patterned = profile.patternFields ? fc.array(fc.tuple(profile.patternFields(ctx), field(one(["allow", "refuse"]))), { maxLength: 3 }) : fc.constant([]);
  const extra = fc.array(fc.tuple(randomFieldName, fc.oneof(badText(5_000), fileValue)), { maxLength: 3 });
  return fc.tuple(fc.tuple(...known), patterned, extra).map(([fields, more, unknown]) => [...fields.flat(), ...more, ...unknown] as [string, FormDataEntryValue][]);
}

/**
 * A page whose form posts the action, [params] filled (the store segment too: the real store's,
 * or the default). Only those: Next.js answers an action posted to another page 404 and logs it
 * as an error of its own ("Failed to find Server Action"), as for a client of another deployment.
 */
function actionPage(action: ServerAction, ctx: FuzzContext): fc.Arbitrary<string> {
  return fc.tuple(one(action.pages), one(["_default", ...ctx.storeSlugs])).map(([page, store]) =>
    pageUrl(page, (param) => ({ store, slug: ctx.productSlugs[0], id: ctx.orderId, postcode: "-", query: "-" })[param] ?? "-"),
  );
}

/** The Origin a browser sends with a form post: this site's, mostly; another site's, or a broken one, sometimes. */
const origin = (ctx: FuzzContext) =>
  fc.oneof({ weight: 8, arbitrary: fc.constant(ctx.origin) }, { weight: 1, arbitrary: fc.constantFrom("null", "https://evil.example", "http://localhost:1", "not a url", `${ctx.origin}.evil.example`) });

/** Argument lists no form sends: nothing, scalars, objects where the form data goes, too many. */
function wrongArguments(fields: [string, FormDataEntryValue][], ctx: FuzzContext): fc.Arbitrary<unknown[]> {
  const form = () => fields.reduce((f, [k, v]) => (f.append(k, v), f), new FormData());
  const loose = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof<fc.Arbitrary<unknown[]>[]>(
    fc.constant([]),
    fc.array(loose, { minLength: 1, maxLength: 3 }),
    loose.map((state) => [state, Object.fromEntries(fields.filter(([, v]) => typeof v === "string"))]),
    fc.constant(null).map(() => [form()]),
    fc.constant(null).map(() => [form(), form()]),
    loose.map((state) => [state, form(), state]),
    badText(1_000).map((t) => [{}, t]),
    fc.constant([{}, ctx.orderId]),
  );
}

export function actionProbes(action: ServerAction, ctx: FuzzContext): fc.Arbitrary<Probe> {
  const profile = ACTION_PROFILES[action.name] ?? { takes: "state" as const, fields: () => ({}) };
  const id = action.id!;
  const state = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
  return fc.tuple(formFields(profile, ctx), actionPage(action, ctx), origin(ctx), cookieHeader, sessions, state, fc.nat(99)).chain(([fields, page, from, cookie, session, previous, roll]) => {
    // From another site: refused by the web server's front door.
    const mustAnswer = from === ctx.origin ? undefined : [403];
    const base = { target: `action ${action.name}`, method: "POST", url: page, session, headers: { origin: from, ...cookie }, endsSession: profile.endsSession, mustAnswer };
    const form = () => fields.reduce((f, [k, v]) => (f.append(k, v), f), new FormData());
    const right: ActionCall = profile.takes === "state" ? { style: "fetch", id, args: [previous, form()] } : { style: "fetch", id, args: [form()] };
    const noJs: ActionCall = profile.takes === "state" ? { style: "no-js-state", id, state: previous, fields } : { style: "no-js-form", id, fields };
    // The other kind of no-JavaScript post than the action's forms make.
    const otherNoJs: ActionCall = profile.takes === "state" ? { style: "no-js-form", id, fields } : { style: "no-js-state", id, state: previous, fields };
    if (roll < 55) return fc.constant<Probe>({ ...base, action: right });
    if (roll < 80) return fc.constant<Probe>({ ...base, action: noJs });
    if (roll < 85) return fc.constant<Probe>({ ...base, action: otherNoJs });
    return wrongArguments(fields, ctx).map((args): Probe => ({ ...base, action: { style: "fetch", id, args } }));
  });
}

export const actionRuns = (action: ServerAction) => ACTION_PROFILES[action.name]?.runs ?? 45;
