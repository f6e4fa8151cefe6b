import { describe, expect, it } from "vitest";
import { decodeFormFlash, encodeFormFlash, FORM_FLASH_MAX_LENGTH, FORM_KEY_FIELD, formKey, returnPathFrom, takeFormKey } from "./form-flash";

describe("form flash", () => {
  it("takes the form's key out of the data, so that zod and the kept values never see it", () => {
    const data = new FormData();
    data.set(FORM_KEY_FIELD, "variant:12");
    data.set("sku", "JAM-1");
    expect(takeFormKey(data)).toBe("variant:12");
    expect([...data.keys()]).toEqual(["sku"]);
    const forged = new FormData();
    forged.set(FORM_KEY_FIELD, "<script>");
    expect(takeFormKey(forged)).toBeNull();
    expect(takeFormKey(new FormData())).toBeNull();
  });

  it("names repeated forms by their discriminator, with characters a key may hold", () => {
    expect(formKey("new-product")).toBe("new-product");
    expect(formKey("stock", "lyon-3")).toBe("stock:lyon-3");
    expect(formKey("Pick Crème fraîche <30%>")).toMatch(/^[\w:.\- ]+$/u);
  });

  it("goes back to the back-office page the form was on, never elsewhere", () => {
    const host = "shop.example";
    expect(returnPathFrom("https://shop.example/admin/catalog/new?x=1", host)).toBe("/admin/catalog/new?x=1");
    expect(returnPathFrom("https://shop.example/admin", host)).toBe("/admin");
    expect(returnPathFrom("https://evil.example/admin/catalog", host)).toBe("/admin");
    expect(returnPathFrom("https://shop.example/account", host)).toBe("/admin");
    expect(returnPathFrom("https://shop.example/administrator", host)).toBe("/admin");
    expect(returnPathFrom("https://shop.example//evil.example/admin", host)).toBe("/admin");
    expect(returnPathFrom("javascript:alert(1)", host)).toBe("/admin");
    expect(returnPathFrom(null, host)).toBe("/admin");
    expect(returnPathFrom("https://shop.example/admin/x", null)).toBe("/admin");
  });

  it("keeps errors and typed values, never a password", () => {
    const state = { ok: false, message: "Please correct the highlighted fields.", errors: { ean: ["Not a valid EAN."] }, values: { ean: "123", password: "secret", newPassword: "x" } };
    const flash = decodeFormFlash(encodeFormFlash("new-product", state));
    expect(flash).toEqual({ form: "new-product", state: { ok: false, message: state.message, errors: state.errors, values: { ean: "123" } } });
  });

  it("drops the typed values first, then the errors, to stay within a cookie", () => {
    const errors = { blocks: ["Too long."] };
    const big = encodeFormFlash("page:1", { ok: false, message: "No.", errors, values: { blocks: "x".repeat(5000) } });
    expect(big.length).toBeLessThanOrEqual(FORM_FLASH_MAX_LENGTH);
    expect(decodeFormFlash(big)?.state).toEqual({ ok: false, message: "No.", errors });
    const many = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`row${i}`, ["This row is wrong in some way."]]));
    const huge = encodeFormFlash("import-catalog", { ok: false, message: "Nothing imported.", errors: many });
    expect(huge.length).toBeLessThanOrEqual(FORM_FLASH_MAX_LENGTH);
    expect(decodeFormFlash(huge)?.state).toEqual({ ok: false, message: "Nothing imported." });
  });

  it("reads nothing from a value it did not write", () => {
    expect(decodeFormFlash(undefined)).toBeNull();
    expect(decodeFormFlash("not base64 json")).toBeNull();
    expect(decodeFormFlash(Buffer.from(JSON.stringify({ form: "a", state: { errors: { x: "no" } } })).toString("base64url"))).toBeNull();
    expect(decodeFormFlash(Buffer.from(JSON.stringify({ form: "<a>", state: {} })).toString("base64url"))).toBeNull();
  });
});
