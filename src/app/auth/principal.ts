import { AdminRole } from "../../domain/enums";
import type { Tenant, User } from "../../data/entities";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "operator" }
  | { kind: "runtime"; tenantId: string; tenant?: Tenant }
  | { kind: "user"; tenantId: string; userId: string; user: User; roles: AdminRole[]; tenant?: Tenant }
  /** A directory (Entra ID, Okta) calling /scim with a provisioning token (D1); never reaches /graphql. */
  | { kind: "provisioning"; tenantId: string; tokenId: string };

export const APP_ROLE_OPERATOR = "PlatformOperator";
export const APP_ROLE_RUNTIME = "BotRuntime";
