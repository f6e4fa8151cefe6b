export type RouteMatcher = { label: string; regex: RegExp };
export function routeMatchers(manifest: unknown): RouteMatcher[];
export function loadRouteMatchers(distDir?: string): RouteMatcher[];
export function routeOf(url: string | undefined, matchers: RouteMatcher[]): string;
