import { AdminRole } from "../../domain/enums";
import type { Tenant, User } from "../../data/entities";

export type Principal =
  | { kind: "anonymous" }
  | { kind: "operator" }
  /** The bot runtime: a BotRuntime token of a tenant without a user (it records bot sessions). */
  | { kind: "runtime"; tenantId: string; tenant?: Tenant }
  /**
   * The service's own work in one tenant, never a caller: the live hub's reads, the daily passes (usage history,
   * reclamation). No token maps to it; only src/app/request/admission.ts's systemContext makes one.
   */
  | { kind: "system"; tenantId: string; tenant?: Tenant }
  | { kind: "user"; tenantId: string; userId: string; user: User; roles: AdminRole[]; tenant?: Tenant }
  /** A directory (Entra ID, Okta) calling /scim with a provisioning token (D1); never reaches /graphql. */
  | { kind: "provisioning"; tenantId: string; tokenId: string };

export const APP_ROLE_OPERATOR = "PlatformOperator";
export const APP_ROLE_RUNTIME = "BotRuntime";
