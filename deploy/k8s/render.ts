// The few kustomize features deploy/k8s uses, rendered in-process so that CI can check what
// `kubectl apply -k` would apply without kubectl or a cluster: `resources` (files, and folders
// holding a kustomization.yaml), `namespace`, `images` and `replicas`. Any other field throws,
// so nobody adds a feature this renderer would silently skip.
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAllDocuments } from "yaml";

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
};

type Kustomization = {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  resources?: string[];
  images?: { name: string; newName?: string; newTag?: string; digest?: string }[];
  replicas?: { name: string; count: number }[];
};

const SUPPORTED = new Set(["apiVersion", "kind", "namespace", "resources", "images", "replicas"]);
const CLUSTER_SCOPED = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass", "IngressClass"]);

/** Every YAML document of a file, as plain objects (empty documents dropped). */
export function readYamlFile(file: string): K8sObject[] {
  return parseAllDocuments(readFileSync(file, "utf8"))
    .map((doc) => {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
      return doc.toJS() as K8sObject | null;
    })
    .filter((o): o is K8sObject => o !== null);
}

type PodTemplate = { spec: { containers: { image: string }[]; initContainers?: { image: string }[] } };

function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  const spec = object.spec as { template?: PodTemplate; jobTemplate?: { spec: { template: PodTemplate } } } | undefined;
  return spec?.template ?? spec?.jobTemplate?.spec.template;
}

function setImage(image: string, rules: NonNullable<Kustomization["images"]>): string {
  const name = image.replace(/[:@].*$/, "");
  const rule = rules.find((r) => r.name === name);
  if (!rule) return image;
  const base = rule.newName ?? name;
  if (rule.digest) return `${base}@${rule.digest}`;
  return `${base}:${rule.newTag ?? (image.includes(":") ? image.split(":")[1] : "latest")}`;
}

/** The objects `kubectl apply -k dir` would apply, for the features above. */
export function renderKustomization(dir: string): K8sObject[] {
  const file = path.join(dir, "kustomization.yaml");
  const [kustomization] = readYamlFile(file) as unknown as Kustomization[];
  const unsupported = Object.keys(kustomization).filter((key) => !SUPPORTED.has(key));
  if (unsupported.length > 0) throw new Error(`${file}: ${unsupported.join(", ")} not supported by deploy/k8s/render.ts`);

  const objects = (kustomization.resources ?? []).flatMap((resource) => {
    const target = path.join(dir, resource);
    return statSync(target).isDirectory() ? renderKustomization(target) : readYamlFile(target);
  });
  for (const object of objects) {
    if (kustomization.namespace && !CLUSTER_SCOPED.has(object.kind)) object.metadata.namespace = kustomization.namespace;
    const pod = podTemplateOf(object);
    if (pod && kustomization.images) {
      for (const container of [...pod.spec.containers, ...(pod.spec.initContainers ?? [])]) container.image = setImage(container.image, kustomization.images);
    }
    const replicas = kustomization.replicas?.find((r) => r.name === object.metadata.name);
    if (replicas && ["Deployment", "StatefulSet", "ReplicaSet"].includes(object.kind)) (object.spec as { replicas?: number }).replicas = replicas.count;
  }
  for (const rule of kustomization.replicas ?? []) {
    if (!objects.some((o) => o.metadata.name === rule.name)) throw new Error(`${file}: replicas for unknown ${rule.name}`);
  }
  return objects;
}
