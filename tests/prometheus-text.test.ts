import { Counter, Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { hasSample, parsePrometheusText, sampleSum } from "./prometheus-text";

describe("parsePrometheusText", () => {
  it("reads what prom-client writes: counters with escaped labels and histograms", async () => {
    const registry = new Registry();
    const counter = new Counter({ name: "things_total", help: "Things.", labelNames: ["kind"], registers: [registry] });
    counter.inc({ kind: 'a "quoted"\\ one' }, 2);
    const histogram = new Histogram({ name: "took_seconds", help: "Took.", labelNames: ["route"], buckets: [0.1, 1], registers: [registry] });
    histogram.observe({ route: "/p/:slug" }, 0.5);
    const families = parsePrometheusText(await registry.metrics());
    expect(families.get("things_total")).toMatchObject({ type: "counter", help: "Things." });
    expect(sampleSum(families, "things_total", { kind: 'a "quoted"\\ one' })).toBe(2);
    expect(sampleSum(families, "took_seconds_bucket", { route: "/p/:slug", le: "0.1" })).toBe(0);
    expect(sampleSum(families, "took_seconds_bucket", { route: "/p/:slug", le: "+Inf" })).toBe(1);
    expect(sampleSum(families, "took_seconds_count")).toBe(1);
    expect(hasSample(families, "took_seconds_sum", { route: "/p/:slug" })).toBe(true);
    expect(sampleSum(parsePrometheusText("# TYPE lag gauge\nlag Nan\nlag{a=\"b\"} -Inf 1700000000000\n"), "lag", { a: "b" })).toBe(-Infinity);
  });

  it("refuses what is not the format", () => {
    expect(() => parsePrometheusText("# TYPE a counter\na 1")).toThrow("does not end with a newline");
    expect(() => parsePrometheusText("a 1\n")).toThrow("undeclared metric");
    expect(() => parsePrometheusText("# TYPE a counter\na{b=1} 1\n")).toThrow("unquoted label value");
    expect(() => parsePrometheusText("# TYPE a counter\na one\n")).toThrow('not a number "one"');
    expect(() => parsePrometheusText("# TYPE a histogram\na_bucket 1\n")).toThrow("bucket without le");
    expect(() => parsePrometheusText("# TYPE a widget\n")).toThrow("unknown type");
    expect(() => parsePrometheusText("<html>\n")).toThrow("bad sample line");
  });
});
