// The Kubernetes manifests, offline: every object of every YAML file, and the production overlay
// as `kubectl apply -k` would render it, validated against the Kubernetes 1.33 OpenAPI schemas
// (kubernetes-models 4.5.1, pinned: its schemas have 1.33's Lifecycle.stopSignal and none of
// 1.34's fields), then checked against our own rules: probes on paths the services serve,
// resources, non-root, a PodDisruptionBudget per replicated Deployment, Services that select
// pods, and every referenced setting present in the ConfigMap or the Secret.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { Deployment, type IDeployment } from "kubernetes-models/apps/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { Job } from "kubernetes-models/batch/v1";
import { ConfigMap, Namespace, Secret, Service } from "kubernetes-models/v1";
import type { IContainer, IPodTemplateSpec } from "kubernetes-models/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { exportedMethods } from "@/e2e/fuzz/surface";
import { startHealthServer } from "@/workers/lib/health-server";
import { readYamlFile, renderKustomization, type K8sObject } from "./render";

const K8S = path.join(process.cwd(), "deploy/k8s");
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  "v1/Namespace": Namespace,
  "v1/ConfigMap": ConfigMap,
  "v1/Secret": Secret,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/Ingress": Ingress,
};

function validate(object: K8sObject): void {
  const Model = MODELS[`${object.apiVersion}/${object.kind}`];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind} in this test: add its model`);
  new Model(structuredClone(object) as never).validate();
}

const yamlFiles = readdirSync(K8S, { recursive: true, encoding: "utf8" })
  .filter((f) => /\.ya?ml$/.test(f) && !f.endsWith("kustomization.yaml"))
  .sort();
const rendered = renderKustomization(path.join(K8S, "overlays/production"));
const [secret] = readYamlFile(path.join(K8S, "base/secret.example.yaml")) as (K8sObject & { stringData: Record<string, string> })[];
const configMap = rendered.find((o) => o.kind === "ConfigMap" && o.metadata.name === "halles-config") as K8sObject & { data: Record<string, string> };

type Workload = { name: string; kind: string; template: IPodTemplateSpec; replicas: number };
const workloads: Workload[] = rendered.flatMap((o) => {
  if (o.kind === "Deployment") {
    const spec = (o as unknown as IDeployment).spec!;
    const hpa = rendered.find((h) => h.kind === "HorizontalPodAutoscaler" && (h.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name === o.metadata.name);
    return [{ name: o.metadata.name, kind: o.kind, template: spec.template, replicas: hpa ? (hpa.spec as { minReplicas: number }).minReplicas : (spec.replicas ?? 1) }];
  }
  if (o.kind === "Job") return [{ name: o.metadata.name, kind: o.kind, template: (o.spec as { template: IPodTemplateSpec }).template, replicas: 1 }];
  return [];
});
const deployments = workloads.filter((w) => w.kind === "Deployment");
const containersOf = (w: Workload): IContainer[] => w.template.spec!.containers;
const selects = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);

describe("Kubernetes 1.33 schemas", () => {
  it.each(yamlFiles)("every object of %s is valid", (file) => {
    const objects = readYamlFile(path.join(K8S, file));
    expect(objects.length).toBeGreaterThan(0);
    for (const object of objects) validate(object);
  });

  it("the production overlay renders to valid objects, each image from the registry at a release tag", () => {
    expect(rendered.map((o) => `${o.kind}/${o.metadata.name}`)).toContain("Job/halles-migrate");
    for (const object of rendered) {
      validate(object);
      if (object.kind !== "Namespace") expect(object.metadata.namespace, object.metadata.name).toBe("halles");
    }
    for (const w of workloads) for (const c of containersOf(w)) expect(c.image).toMatch(/^registry\.example\.com\/halles\/[a-z-]+:\d+\.\d+\.\d+$/);
    expect(deployments.find((d) => d.name === "halles-order-worker")?.replicas).toBe(3);
  });

  it("refuses a broken manifest (the validator works)", () => {
    const broken = structuredClone(rendered.find((o) => o.kind === "Deployment")!) as K8sObject & { spec: { replicas: unknown; template: IPodTemplateSpec } };
    broken.spec.replicas = "two";
    expect(() => validate(broken)).toThrow(/replicas must be integer/);
    const badQuantity = structuredClone(rendered.find((o) => o.kind === "Deployment")!) as K8sObject & { spec: { template: IPodTemplateSpec } };
    badQuantity.spec.template.spec!.containers[0].resources = { limits: { memory: "a lot" } };
    expect(() => validate(badQuantity)).toThrow(/memory/);
    expect(() => validate({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "x" }, spec: { template: {} } })).toThrow(/selector/);
  });
});

describe("our rules", () => {
  it("runs web, the three workers and the migration", () => {
    expect(workloads.map((w) => w.name).sort()).toEqual(["halles-migrate", "halles-notification-worker", "halles-order-worker", "halles-scheduler", "halles-web"]);
  });

  it("probes each Deployment on paths its service answers", async () => {
    const worker = await startHealthServer({ port: 0, service: "manifest-test", registry: new Registry(), readiness: async () => ({ ready: true, checks: {} }) });
    try {
      for (const d of deployments) {
        for (const c of containersOf(d)) {
          for (const probe of [c.livenessProbe, c.readinessProbe]) {
            const get = probe?.httpGet;
            expect(get?.path, `${d.name} probes`).toBeDefined();
            const port = c.ports!.find((p) => p.name === get!.port || p.containerPort === get!.port);
            expect(port, `${d.name} probe port ${get!.port}`).toBeDefined();
            if (d.name === "halles-web") {
              const route = path.join(process.cwd(), "app", get!.path!, "route.ts");
              expect(existsSync(route) && exportedMethods(readFileSync(route, "utf8")).includes("GET"), `${route} serves GET`).toBe(true);
            } else {
              expect(c.env?.find((e) => e.name === "HEALTH_PORT")?.value, `${d.name} HEALTH_PORT`).toBe(String(port!.containerPort));
              expect((await fetch(`http://127.0.0.1:${worker.port}${get!.path}`)).status, `${d.name} ${get!.path}`).toBe(200);
            }
          }
          expect(c.livenessProbe!.httpGet!.path).not.toBe(c.readinessProbe!.httpGet!.path);
        }
      }
    } finally {
      await worker.close();
    }
  });

  it("gives every container requests and limits, and runs it as non-root on a read-only root", () => {
    for (const w of workloads) {
      expect(w.template.spec!.securityContext?.runAsNonRoot, w.name).toBe(true);
      expect(w.template.spec!.securityContext?.runAsUser, w.name).toBeGreaterThan(0);
      for (const c of containersOf(w)) {
        for (const kind of ["requests", "limits"] as const) expect(Object.keys(c.resources?.[kind] ?? {}).sort(), `${w.name} ${kind}`).toEqual(["cpu", "memory"]);
        expect(c.securityContext, w.name).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
        // What the app writes goes to mounted volumes: temporary files in /tmp, Next.js's cache.
        const mounts = (c.volumeMounts ?? []).map((m) => m.mountPath);
        expect(mounts, w.name).toContain("/tmp");
        if (w.name === "halles-web") expect(mounts).toContain("/app/.next/cache");
      }
    }
  });

  it("runs what the images hold: the recipes' commands, compiled, with no tsx", () => {
    const cmd = (dockerfile: string) => [...readFileSync(path.join(process.cwd(), dockerfile), "utf8").matchAll(/^CMD (\[.*\])$/gm)].map((m) => JSON.parse(m[1]) as string[]);
    // The web image's CMD: `sh -c "<migration> && exec <server>"`; the Deployment runs the server, the Job the migration.
    const [[, , webCmd]] = cmd("Dockerfile");
    const [migrate, server] = webCmd.split(/ && exec /);
    expect(containersOf(workloads.find((w) => w.name === "halles-web")!)[0].command?.join(" ")).toBe(server);
    expect(containersOf(workloads.find((w) => w.name === "halles-migrate")!)[0].command?.join(" ")).toBe(migrate);
    // The workers run their image's CMD, one per target of workers/Dockerfile.
    expect(cmd("workers/Dockerfile").map((c) => c.join(" "))).toEqual(["order-worker", "notification-worker", "scheduler"].map((s) => `node ${s}.mjs`));
    for (const w of workloads) {
      for (const c of containersOf(w)) {
        if (w.name !== "halles-web" && w.name !== "halles-migrate") expect(c.command, w.name).toBeUndefined();
        expect(c.command?.join(" ") ?? "", w.name).not.toMatch(/tsx|\.ts\b/);
      }
    }
  });

  it("stops gracefully: a grace period longer than the workers' 25 s, and web leaves the Service first", () => {
    for (const d of deployments) expect(d.template.spec!.terminationGracePeriodSeconds, d.name).toBeGreaterThan(25);
    const web = containersOf(deployments.find((d) => d.name === "halles-web")!)[0];
    expect(web.lifecycle?.preStop?.sleep?.seconds).toBeGreaterThanOrEqual(5);
    expect(web.command?.join(" ")).not.toMatch(/db-migrate/);
  });

  it("has a PodDisruptionBudget for every Deployment with more than one replica, and at least two of each", () => {
    const budgets = rendered.filter((o) => o.kind === "PodDisruptionBudget");
    for (const d of deployments) {
      expect(d.replicas, d.name).toBeGreaterThanOrEqual(2);
      const budget = budgets.filter((b) => selects((b.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels, d.template.metadata?.labels));
      expect(budget, `PodDisruptionBudget of ${d.name}`).toHaveLength(1);
      expect((budget[0].spec as { minAvailable?: number }).minAvailable).toBeLessThan(d.replicas);
    }
  });

  it("selects pods with every Service, on ports the containers declare, and routes the Ingress and the HPA to them", () => {
    const services = rendered.filter((o) => o.kind === "Service") as (K8sObject & { spec: { selector: Record<string, string>; ports: { name: string; targetPort: string | number }[] } })[];
    for (const service of services) {
      const pods = deployments.filter((d) => selects(service.spec.selector, d.template.metadata?.labels));
      expect(pods, `pods of Service ${service.metadata.name}`).toHaveLength(1);
      for (const port of service.spec.ports) expect(containersOf(pods[0]).some((c) => c.ports?.some((p) => p.name === port.targetPort || p.containerPort === port.targetPort))).toBe(true);
    }
    for (const d of deployments) expect(services.some((s) => selects(s.spec.selector, d.template.metadata?.labels)), `a Service for ${d.name}`).toBe(true);
    const ingress = rendered.find((o) => o.kind === "Ingress") as K8sObject & { spec: { rules: { http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] } }[] } };
    for (const { backend } of ingress.spec.rules.flatMap((r) => r.http.paths)) {
      expect(services.find((s) => s.metadata.name === backend.service.name)?.spec.ports.map((p) => p.name)).toContain(backend.service.port.name);
    }
    for (const hpa of rendered.filter((o) => o.kind === "HorizontalPodAutoscaler")) {
      expect(deployments.map((d) => d.name)).toContain((hpa.spec as { scaleTargetRef: { name: string } }).scaleTargetRef.name);
    }
  });

  it("reads every setting it references from the ConfigMap or the Secret, with placeholders only in the Secret", () => {
    for (const w of workloads) {
      for (const c of containersOf(w)) {
        for (const source of c.envFrom ?? []) expect(source.configMapRef?.name ?? source.secretRef?.name).toMatch(/^(halles-config|halles-secrets)$/);
        for (const variable of c.env ?? []) {
          const ref = variable.valueFrom?.secretKeyRef ?? variable.valueFrom?.configMapKeyRef;
          if (variable.valueFrom) expect(ref, `${w.name} ${variable.name}`).toBeDefined();
          if (variable.valueFrom?.secretKeyRef) expect(Object.keys(secret.stringData), `${w.name} ${variable.name}`).toContain(ref!.key);
          if (variable.valueFrom?.configMapKeyRef) expect(Object.keys(configMap.data), `${w.name} ${variable.name}`).toContain(ref!.key);
        }
      }
    }
    for (const value of Object.values(secret.stringData)) expect(value).toMatch(/PLACEHOLDER/);
    expect(Object.keys(configMap.data).filter((key) => Object.keys(secret.stringData).includes(key))).toEqual([]);
  });

  it("sets or deliberately leaves out every setting of the app (lib/env.ts, the workers', Stripe's, the README's table)", () => {
    const read = (file: string) => readFileSync(path.join(process.cwd(), file), "utf8");
    const schemaKeys = ["lib/env.ts", "workers/lib/config.ts", "workers/lib/liveness.ts", "lib/payments/stripe.ts"].flatMap((f) => [...read(f).matchAll(/^ {2}([A-Z][A-Z0-9_]+): z\./gm)].map((m) => m[1]));
    const readmeKeys = [...read("README.md").matchAll(/^\| (`[A-Z][^|]*)\|/gm)].flatMap((m) => [...m[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((k) => k[1]));
    const notSet: Record<string, string> = {
      STRIPE_API_HOST: "the local Stripe test server only; production refuses it",
      STRIPE_API_PORT: "the local Stripe test server only",
      STRIPE_API_PROTOCOL: "the local Stripe test server only",
      MEDIA_S3_ENDPOINT: "unset for AWS S3; set it for MinIO, R2…",
      RATE_LIMIT_MULTIPLIER: "test and load rigs only",
      HALLES_VERSION: "optional: the operations page shows the package version unless an overlay sets the release tag",
      HALLES_BUILD_ID: "read when the image is built, not at run time",
      NGINX_BIN: "the gateway's launcher (deploy/nginx/gateway.ts), not the app",
      NGINX_MODULES_DIR: "the gateway's launcher (deploy/nginx/gateway.ts), not the app",
      ...Object.fromEntries(
        ["HALLES_PG_PORT", "HALLES_DATA_DIR", "STRIPE_TEST_SERVER_PORT", "MAIL_CAPTURE_SMTP_PORT", "MAIL_CAPTURE_HTTP_PORT", "ORDER_WORKER_HEALTH_PORT", "NOTIFICATION_WORKER_HEALTH_PORT", "SCHEDULER_HEALTH_PORT", "WEB_METRICS_PORT", "E2E_PORT", "HALLES_TEST_PG_PORT", "CHROMIUM_PATH"].map((key) => [key, "npm start and the tests only"]),
      ),
    };
    const set = new Set([...Object.keys(configMap.data), ...Object.keys(secret.stringData), ...workloads.flatMap((w) => containersOf(w).flatMap((c) => (c.env ?? []).map((e) => e.name)))]);
    expect(schemaKeys.length).toBeGreaterThan(20);
    const missing = [...new Set([...schemaKeys, ...readmeKeys])].filter((key) => !set.has(key) && !(key in notSet));
    expect(missing).toEqual([]);
  });
});
