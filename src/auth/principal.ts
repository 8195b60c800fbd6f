import { AdminRole } from "../graphql/enums";
import type { User } from "../entities";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "operator" }
  | { kind: "runtime"; tenantId: string }
  | { kind: "user"; tenantId: string; userId: string; user: User; roles: AdminRole[] };

export const APP_ROLE_OPERATOR = "PlatformOperator";
export const APP_ROLE_RUNTIME = "BotRuntime";
