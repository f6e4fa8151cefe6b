export * from "./stores";
export * from "./catalog";
