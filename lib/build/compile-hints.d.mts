export const COMPILE_HINT: string;
export function addCompileHints(distDir: string): Promise<number>;
declare const adapter: { name: string; onBuildComplete(ctx: { distDir: string }): Promise<void> };
export default adapter;
