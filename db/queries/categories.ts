// The category tree: small enough to read whole and shape in memory.
import { asc } from "drizzle-orm";
import type { Executor } from "../client";
import { categories, type Category } from "../schema";

export type CategoryNode = Category & { children: CategoryNode[] };

export async function getCategoryTree(db: Executor): Promise<CategoryNode[]> {
  const rows = await db.select().from(categories).orderBy(asc(categories.position), asc(categories.name));
  return buildTree(rows);
}

export function buildTree(rows: Category[]): CategoryNode[] {
  const nodes = new Map(rows.map((c) => [c.id, { ...c, children: [] as CategoryNode[] }]));
  const roots: CategoryNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A category with the path from the root to it and the ids of it and all its descendants. */
export type CategoryInTree = { category: CategoryNode; trail: Category[]; ids: number[] };

export function findInTree(tree: CategoryNode[], slug: string): CategoryInTree | null {
  const walk = (nodes: CategoryNode[], trail: Category[]): CategoryInTree | null => {
    for (const node of nodes) {
      if (node.slug === slug) return { category: node, trail: [...trail, node], ids: collectIds(node) };
      const found = walk(node.children, [...trail, node]);
      if (found) return found;
    }
    return null;
  };
  return walk(tree, []);
}

function collectIds(node: CategoryNode): number[] {
  return [node.id, ...node.children.flatMap(collectIds)];
}
