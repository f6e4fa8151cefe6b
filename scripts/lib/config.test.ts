import { describe, expect, it } from "vitest";
import { InvalidEnvironmentError } from "@/lib/env";
import { readE2ePorts, readLocalConfig } from "./config";

describe("start-up and ports (issue 6 item 11): npm start's settings", () => {
  it("defaults to the documented ports and .data", () => {
    expect(readLocalConfig({})).toEqual({
      ports: {
        web: 3000,
        stripe: 12111,
        smtp: 1025,
        mailHttp: 1080,
        orderWorkerHealth: 9101,
        notificationWorkerHealth: 9102,
        schedulerHealth: 9103,
        webMetrics: 9100,
      },
      postgresPort: 54320,
      dataDir: ".data",
    });
  });

  it("takes every port and the data directory from the environment, so that two stacks fit side by side", () => {
    const config = readLocalConfig({
      PORT: "4000",
      STRIPE_TEST_SERVER_PORT: "4001",
      MAIL_CAPTURE_SMTP_PORT: "4002",
      MAIL_CAPTURE_HTTP_PORT: "4003",
      ORDER_WORKER_HEALTH_PORT: "4004",
      NOTIFICATION_WORKER_HEALTH_PORT: "4005",
      SCHEDULER_HEALTH_PORT: "4006",
      WEB_METRICS_PORT: "4008",
      HALLES_PG_PORT: "4007",
      HALLES_DATA_DIR: ".data/second",
    });
    expect(config).toEqual({
      ports: {
        web: 4000,
        stripe: 4001,
        smtp: 4002,
        mailHttp: 4003,
        orderWorkerHealth: 4004,
        notificationWorkerHealth: 4005,
        schedulerHealth: 4006,
        webMetrics: 4008,
      },
      postgresPort: 4007,
      dataDir: ".data/second",
    });
  });

  it("treats an empty variable as unset", () => {
    expect(readLocalConfig({ PORT: "", HALLES_DATA_DIR: " " })).toMatchObject({ ports: { web: 3000 }, dataDir: ".data" });
  });

  it.each(["abc", "0", "65536", "30.5", "-1", "3000abc", "1e3"])("refuses PORT=%s, naming the variable and the value", (value) => {
    const read = () => readLocalConfig({ PORT: value });
    expect(read).toThrow(InvalidEnvironmentError);
    expect(read).toThrow(`PORT: must be a port number from 1 to 65535, got "${value}"`);
  });

  it("names every bad variable at once", () => {
    let error: unknown;
    try {
      readLocalConfig({ HALLES_PG_PORT: "x", SCHEDULER_HEALTH_PORT: "99999" });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    expect((error as InvalidEnvironmentError).problems.sort()).toEqual([
      'HALLES_PG_PORT: must be a port number from 1 to 65535, got "x"',
      'SCHEDULER_HEALTH_PORT: must be a port number from 1 to 65535, got "99999"',
    ]);
  });

  it("refuses two services on one port", () => {
    expect(() => readLocalConfig({ MAIL_CAPTURE_HTTP_PORT: "3000" })).toThrow("MAIL_CAPTURE_HTTP_PORT: is 3000, the same port as PORT");
  });
});

describe("start-up and ports (issue 6 item 11): end-to-end ports", () => {
  it("derives every port from E2E_PORT, 3100 by default", () => {
    expect(readE2ePorts({})).toEqual({
      web: 3100,
      stripe: 3101,
      smtp: 3102,
      mailHttp: 3103,
      orderWorkerHealth: 3104,
      notificationWorkerHealth: 3105,
      schedulerHealth: 3106,
      webMetrics: 3107,
    });
    expect(Object.values(readE2ePorts({ E2E_PORT: "3300" }))).toEqual([3300, 3301, 3302, 3303, 3304, 3305, 3306, 3307]);
  });

  it("stays clear of npm start's default ports", () => {
    const e2e = Object.values(readE2ePorts({}));
    const start = readLocalConfig({});
    for (const port of [...Object.values(start.ports), start.postgresPort]) expect(e2e).not.toContain(port);
  });

  it("refuses a base whose last port would pass 65535", () => {
    expect(() => readE2ePorts({ E2E_PORT: "65530" })).toThrow('E2E_PORT: must be a port number from 1 to 65528, got "65530"');
  });
});
