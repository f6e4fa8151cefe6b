// The demo accounts, one per role, and their published password (README.md lists them). Only the
// demo and development databases have them: real deployments refuse to seed them, refuse to start
// while they exist with this password, and refuse this password at sign-in.

export const DEMO_PASSWORD = "halles-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "customer@halles.test", name: "Camille Martin", role: "customer", stores: [] },
  { email: "agent@halles.test", name: "Alex Girard", role: "agent", stores: ["lyon-part-dieu"] },
  { email: "marketing@halles.test", name: "Morgane Leroy", role: "marketing", stores: [] },
  { email: "admin@halles.test", name: "Antoine Dubois", role: "admin", stores: [] },
] as const;
