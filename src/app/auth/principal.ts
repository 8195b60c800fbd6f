import { AdminRole } from "../../domain/enums";
import type { Tenant, User } from "../../data/entities";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "operator" }
  | { kind: "runtime"; tenantId: string; tenant?: Tenant }
  | { kind: "user"; tenantId: string; userId: string; user: User; roles: AdminRole[]; tenant?: Tenant };

export const APP_ROLE_OPERATOR = "PlatformOperator";
export const APP_ROLE_RUNTIME = "BotRuntime";
