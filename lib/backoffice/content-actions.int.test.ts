// The content actions as the editor calls them (issue 8): the two-marketers conflict answers the
// second marketer with who saved first and gives back everything they submitted; hostile blocks are
// refused beside their field or reduced to the allow-list before they are stored.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { createContentPage, getContentPage } from "@/db/queries/content";
import type { ActionState } from "@/lib/actions";
import type { SessionUser } from "@/lib/auth/access";
import { createStaff } from "@/tests/backoffice-fixtures";
import { connect } from "@/tests/checkout-fixtures";
import { savePageDraft } from "./content-actions";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId }, sessionVersion: 0 } : null) }));

let db: Database;
let close: () => Promise<void>;
let alice: SessionUser;
let bruno: SessionUser;

beforeAll(async () => {
  ({ db, close } = connect(4));
  alice = await createStaff(db, "marketing");
  bruno = await createStaff(db, "marketing");
});
afterAll(() => close());

async function newPage() {
  const created = await db.transaction((tx) => createContentPage(tx, { kind: "landing", slug: `conflict-${randomUUID().slice(0, 8)}`, title: "Opened", staffId: alice.id }));
  if (!created.ok) throw new Error(created.code);
  return created.page;
}

function save(as: SessionUser, fields: Record<string, string>): Promise<ActionState> {
  signedIn.userId = as.id;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return savePageDraft({}, form);
}

const richText = (text: string, href: string) => [{ type: "richText", doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text, marks: [{ type: "link", attrs: { href } }] }] }] } }];

describe("content actions (issue 8)", () => {
  it("two marketers save the same page: the second is refused with who saved first, and gets back all they typed (issue 8 item 2)", async () => {
    const page = await newPage();
    const longText = "Bruno's long paragraph. ".repeat(100);
    expect(await save(alice, { id: String(page.id), version: "1", title: "Alice", description: "", blocks: JSON.stringify([{ type: "hero", title: "Alice", text: "" }]) })).toMatchObject({ ok: true });
    const refused = await save(bruno, { id: String(page.id), version: "1", title: "Bruno", description: "Bruno's description", blocks: JSON.stringify(richText(longText, "/c/fruit")) });
    expect(refused.ok).toBe(false);
    expect(refused.message).toContain(alice.name);
    expect(refused.message).toContain("version 2");
    expect(refused.values).toMatchObject({ title: "Bruno", description: "Bruno's description", version: "2" });
    // All of it, not cut at the form's usual 1,000 characters.
    expect(JSON.parse(refused.values!.blocks)[0].doc.content[0].content[0].text).toBe(longText);
    expect(await getContentPage(db, page.id)).toMatchObject({ title: "Alice", version: 2 });
    // Saved again from the form as it came back, Bruno's edit becomes version 3.
    expect(await save(bruno, { ...refused.values!, id: String(page.id) })).toMatchObject({ ok: true, message: expect.stringContaining("version 3") });
  });

  it("hostile blocks: a javascript: button is refused beside its field; a javascript: link in rich text is stripped before it is stored", async () => {
    const page = await newPage();
    const refused = await save(alice, { id: String(page.id), version: "1", title: "T", description: "", blocks: JSON.stringify([{ type: "hero", title: "x", text: "", link: { label: "Go", href: "javascript:alert(1)" } }]) });
    expect(refused).toMatchObject({ ok: false, errors: { "blocks.0.link.href": [expect.stringMatching(/storefront path/)] } });
    expect(await save(alice, { id: String(page.id), version: "1", title: "<script>alert(1)</script>", description: "", blocks: JSON.stringify(richText("click", "javascript:alert(1)")) })).toMatchObject({ ok: true });
    const stored = await getContentPage(db, page.id);
    expect(stored?.blocks).toEqual([{ type: "richText", doc: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "click" }] }] } }]);
    // Plain text is stored as typed and escaped when rendered (React text).
    expect(stored?.title).toBe("<script>alert(1)</script>");
  });
});
