/**
 * Who may do what. Signed-out visitors read the leaderboard and statistics; every mutation needs
 * a permission, checked on the server by the action wrapper and the API routes.
 */
export const ROLES = ["admin", "submitter", "annotator"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "users:manage": ["admin"],
  "judges:manage": ["admin"],
  "benchmarks:manage": ["admin"],
  "tokens:manage": ["admin"],
  "submissions:create": ["admin", "submitter"],
  "results:import": ["admin", "submitter"],
  "runs:create": ["admin", "submitter"],
  "runs:control": ["admin", "submitter"],
  "labels:create": ["admin", "annotator"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

export const can = (role: string | null | undefined, permission: Permission): boolean =>
  isRole(role) && (PERMISSIONS[permission] as readonly Role[]).includes(role);
