/** What the licensing services return; the GraphQL object types implement these shapes. */
import type { SecurityGroup, ServicePlan, Sku, User } from "../../data/entities";
import type { LicenseError, LicenseSourceKind, LicenseState } from "../../domain/enums";

export interface AssignedLicense {
  sku: Sku;
  disabledPlans: ServicePlan[];
  assignedAt: Date;
}

export interface LicenseAssignmentState {
  sku: Sku;
  assignedByGroup: SecurityGroup | null;
  via: SecurityGroup[];
  disabledPlans: ServicePlan[];
  state: LicenseState;
  error: LicenseError;
  lastUpdatedAt: Date;
}

export interface LicenseSource {
  kind: LicenseSourceKind;
  group: SecurityGroup | null;
  via: SecurityGroup[];
}

export interface EffectiveLicense {
  sku: Sku;
  state: LicenseState;
  error: LicenseError;
  holdsSeat: boolean;
  enabledPlans: ServicePlan[];
  sources: LicenseSource[] | Promise<LicenseSource[]>;
  expiresAt: Date | null;
}

export interface PrepaidUnits {
  enabled: number;
  warning: number;
  suspended: number;
}

export interface TenantLicense {
  sku: Sku;
  prepaidUnits: PrepaidUnits;
  consumedUnits: number;
  availableUnits: number;
  unassignedDemand: number;
  lowOnSeats: boolean;
}

export interface GroupLicenseImpact {
  group: SecurityGroup;
  sku: Sku;
  newSeatsNeeded: number;
  alreadyLicensed: number;
  availableUnits: number;
  wouldBeInError: number;
}

export interface GroupLicenseRemovalImpact {
  group: SecurityGroup;
  sku: Sku;
  wouldLoseSeat: number;
  keepThroughOtherSource: number;
  wouldGetSeatNext: User[];
  losingSeat: User[];
}
