import { describe, expect, it } from "vitest";
import { parseWrk } from "./wrk";

const REPORT = `Running 10s test @ http://127.0.0.1:3431/p/bananas
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.12ms    2.01ms  40.10ms   80.00%
    Req/Sec     6.10k   500.00     7.00k    70.00%
  Latency Distribution
     50%  812.00us
     75%    4.90ms
     90%    6.10ms
     99%    1.02s 
  121000 requests in 10.00s, 1.25GB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:  12100.40
Transfer/sec:    128.00MB
0m0.002s 0m0.001s
0m1.500s 0m2.250s
`;

describe("parseWrk", () => {
  it("reads throughput, percentiles in any unit, every kind of error, and the CPU of wrk itself", () => {
    expect(parseWrk(REPORT)).toEqual({ rps: 12_100, requests: 121_000, bytes: 1.25 * 1024 ** 3, p50: 0.812, p99: 1020, errors: 9, cpuSeconds: 3.75 });
  });

  it("counts no errors when wrk reports none, and says what it could not find", () => {
    const clean = REPORT.replace(/ {2}Socket errors.*\n {2}Non-2xx.*\n/, "");
    expect(parseWrk(clean).errors).toBe(0);
    expect(() => parseWrk("wrk: connection refused")).toThrow(/no .* in its output/);
  });
});
