export * from "./stores";
export * from "./catalog";
export * from "./users";
export * from "./baskets";
export * from "./slots";
export * from "./orders";
export * from "./payments";
export * from "./limits";
