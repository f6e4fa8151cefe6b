import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fillTemplate, isBlueGreenGateway, liveColour, NGINX_BIN, renderColours, renderGateway, renderRoute, renderUpstream, switchColour } from "./gateway";

const dir = mkdtempSync(path.join(tmpdir(), "halles-gateway-render-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the gateway's configuration (issue 9)", () => {
  it("fills every placeholder, and refuses a template naming one it has no value for", () => {
    expect(fillTemplate("listen {{listen}}; root {{dir}};", { listen: "80", dir: "/x" })).toBe("listen 80; root /x;");
    expect(() => fillTemplate("listen {{port}};", { listen: "80" })).toThrow("{{port}}");
  });

  it("writes both upstreams, the previous build defaulting to the current one, and refuses what nginx would misread", () => {
    const conf = renderUpstream(["127.0.0.1:3000", "10.0.0.2:3000"]);
    expect(conf).toContain("upstream halles_web {\n    server 127.0.0.1:3000;\n    server 10.0.0.2:3000;\n    keepalive 64;\n    keepalive_timeout 4s;\n}");
    expect(conf).toContain("upstream halles_web_previous {\n    server 127.0.0.1:3000;");
    expect(renderUpstream(["a:1"], ["b:2"])).toContain("upstream halles_web_previous {\n    server b:2;");
    for (const bad of ["127.0.0.1", "x:1; server evil:80", "http://a:1"]) expect(() => renderUpstream([bad]), bad).toThrow();
  });

  it("renders a configuration nginx accepts, with the run folder's own paths", () => {
    const conf = renderGateway({ dir, listen: "127.0.0.1:3999", upstreams: ["127.0.0.1:3998"], upstreamHost: "127.0.0.1:3998", workerProcesses: 1 });
    const halles = readFileSync(path.join(dir, "halles.conf"), "utf8");
    expect(halles).not.toMatch(/\{\{/);
    expect(halles).toContain("listen 127.0.0.1:3999;");
    expect(halles).toContain(`include ${path.join(dir, "upstream.conf")};`);
    expect(halles).toContain("proxy_set_header Host 127.0.0.1:3998;");
    const check = spawnSync(NGINX_BIN, ["-t", "-p", dir, "-c", conf, "-e", path.join(dir, "error.log")], { encoding: "utf8" });
    expect(check.stderr).toContain("test is successful");
    expect(readFileSync(path.join(dir, "route.conf"), "utf8")).toBe(renderRoute(null));
  });

  it("renders blue-green's two colours, chosen per request by a file the switch creates or removes, and nginx accepts it", () => {
    const blueGreen = path.join(dir, "blue-green");
    const conf = renderGateway({ dir: blueGreen, listen: "127.0.0.1:3999", blueGreen: { blue: ["127.0.0.1:3610"], green: ["127.0.0.1:3620"] }, workerProcesses: 1 });
    expect(readFileSync(path.join(blueGreen, "upstream.conf"), "utf8")).toBe(renderColours({ blue: ["127.0.0.1:3610"], green: ["127.0.0.1:3620"] }));
    expect(renderColours({ blue: ["a:1"], green: ["b:2"] })).toContain("upstream halles_web_green {\n    server b:2;\n    keepalive 64;\n    keepalive_timeout 4s;\n}");
    expect(readFileSync(path.join(blueGreen, "route.conf"), "utf8")).toContain(`if (-f ${path.join(blueGreen, "live-green")}) {\n    set $halles_upstream halles_web_green;`);
    expect(isBlueGreenGateway(blueGreen)).toBe(true);
    expect(isBlueGreenGateway(dir)).toBe(false);
    const check = spawnSync(NGINX_BIN, ["-t", "-p", blueGreen, "-c", conf, "-e", path.join(blueGreen, "error.log")], { encoding: "utf8" });
    expect(check.stderr).toContain("test is successful");

    expect(liveColour(blueGreen)).toBe("blue");
    switchColour(blueGreen, "green");
    expect(liveColour(blueGreen)).toBe("green");
    switchColour(blueGreen, "blue");
    expect(liveColour(blueGreen)).toBe("blue");
    expect(() => renderGateway({ dir: blueGreen, listen: 3999 })).toThrow("either upstreams or blueGreen");
    expect(() => renderGateway({ dir: blueGreen, listen: 3999, upstreams: ["a:1"], blueGreen: { blue: ["a:1"], green: ["b:2"] } })).toThrow("either upstreams or blueGreen");
  });
});
