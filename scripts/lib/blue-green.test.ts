import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { afterSwitch, colourPorts, defaultReleaseId, planDeploy, planRollback, readState, stateFile, writeState, type DeployState } from "./blue-green";

const first = { gateway: { dir: "/srv/halles/gateway", host: "0.0.0.0", port: 8080 }, portBase: 3000 };
const at = new Date("2026-12-02T13:45:00.123Z");
const dir = mkdtempSync(path.join(tmpdir(), "halles-blue-green-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("blue-green deploys (issue 9): colours, ports and state", () => {
  it("gives each colour five ports of its own, green ten above blue", () => {
    expect(colourPorts("blue", 3000)).toEqual({ web: 3000, webMetrics: 3001, "order-worker": 3002, "notification-worker": 3003, scheduler: 3004 });
    expect(colourPorts("green", 3000)).toEqual({ web: 3010, webMetrics: 3011, "order-worker": 3012, "notification-worker": 3013, scheduler: 3014 });
  });

  it("puts the first deploy on blue, then alternates, each release replacing the live one and becoming rollback's target", () => {
    expect(() => planDeploy(null, "r1")).toThrow("--gateway-port");
    const one = planDeploy(null, "r1", first);
    expect(one).toEqual({ colour: "blue", release: "r1", ports: colourPorts("blue", 3000), replaces: null });
    const afterOne = afterSwitch(null, one, at, first);
    expect(afterOne).toEqual({ gateway: first.gateway, portBase: 3000, live: { colour: "blue", release: "r1", since: "2026-12-02T13:45:00.123Z" }, previous: null });

    const two = planDeploy(afterOne, "r2");
    expect(two).toMatchObject({ colour: "green", release: "r2", ports: { web: 3010 }, replaces: afterOne.live });
    const afterTwo = afterSwitch(afterOne, two, at);
    expect(afterTwo.live).toMatchObject({ colour: "green", release: "r2" });
    expect(afterTwo.previous).toBe("r1");

    const three = afterSwitch(afterTwo, planDeploy(afterTwo, "r3"), at);
    expect([three.live.colour, three.live.release, three.previous]).toEqual(["blue", "r3", "r2"]);
  });

  it("refuses to deploy the live release again, and a release name that is not a plain folder name", () => {
    const live = afterSwitch(null, planDeploy(null, "r1", first), at, first);
    expect(() => planDeploy(live, "r1")).toThrow("already live");
    for (const bad of ["../etc", "a/b", "", ".hidden", "x".repeat(65)]) expect(() => planDeploy(null, bad, first), bad).toThrow();
  });

  it("rolls back to the previous release on the free colour; rolling back again goes forward", () => {
    expect(() => planRollback(null)).toThrow("no deploy");
    const one = afterSwitch(null, planDeploy(null, "r1", first), at, first);
    expect(() => planRollback(one)).toThrow("first release");
    const two = afterSwitch(one, planDeploy(one, "r2"), at);
    const back = planRollback(two);
    expect(back).toEqual({ colour: "blue", release: "r1", ports: colourPorts("blue", 3000), replaces: two.live });
    const rolledBack = afterSwitch(two, back, at);
    expect([rolledBack.live.colour, rolledBack.live.release, rolledBack.previous]).toEqual(["blue", "r1", "r2"]);
    expect(planRollback(rolledBack)).toMatchObject({ colour: "green", release: "r2" });
  });

  it("names a release by time and build id", () => {
    expect(defaultReleaseId("3f9c2a1b4d5e6f708192a3b4c5d6e7f8091a2b3c", at)).toBe("20261202-134500-3f9c2a1b4d5e");
    expect(defaultReleaseId("", at)).toBe("20261202-134500");
  });

  it("keeps the state in a file it validates: none before the first deploy, and a broken file is an error, not a fresh start", () => {
    expect(readState(dir)).toBeNull();
    const state: DeployState = afterSwitch(null, planDeploy(null, "r1", first), at, first);
    writeState(dir, state);
    expect(readState(dir)).toEqual(state);
    writeFileSync(stateFile(dir), JSON.stringify({ ...state, live: { ...state.live, colour: "red" } }));
    expect(() => readState(dir)).toThrow("live.colour");
    expect(() => writeState(dir, { ...state, portBase: 0 })).toThrow();
    writeFileSync(stateFile(dir), "{");
    expect(() => readState(dir)).toThrow("is not JSON");
  });
});
