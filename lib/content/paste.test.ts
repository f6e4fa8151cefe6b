import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "./paste";

describe("pasted HTML", () => {
  it("cleans Word's markup: comments, conditional blocks, Office tags, styles and classes", () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->
<p class="MsoNormal" style="margin:0cm;font-family:Calibri"><b style="mso-bidi-font-weight:normal"><span lang="FR" style="color:red">Fresh</span></b> fruit<o:p></o:p></p>
<![if !supportLists]><span>1.</span><![endif]>
</body></html>`;
    expect(cleanPastedHtml(word).replace(/\s+/g, " ").trim()).toBe("<p><b>Fresh</b> fruit</p>");
  });

  it("keeps a link's href only, and drops scripts, event handlers and unknown tags", () => {
    const web = `<div class="x" onclick="alert(1)"><a href="https://example.com" target="_blank" onmouseover="alert(1)">site</a><script>alert(1)</script><img src=x onerror="alert(1)"><table><tr><td>cell</td></tr></table></div>`;
    expect(cleanPastedHtml(web)).toBe('<a href="https://example.com">site</a>cell');
  });
});
