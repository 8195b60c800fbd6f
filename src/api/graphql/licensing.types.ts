import type * as View from "../../app/licensing/types";
import { Field, Int, ObjectType } from "type-graphql";
import { SecurityGroup, ServicePlan, Sku, User } from "../../data/entities";
import { LicenseError, LicenseSourceKind, LicenseState } from "../../domain/enums";

@ObjectType()
export class AssignedLicense implements View.AssignedLicense {
  @Field(() => Sku)
  sku: Sku;

  @Field(() => [ServicePlan])
  disabledPlans: ServicePlan[];

  @Field(() => Date)
  assignedAt: Date;
}

@ObjectType({ description: "One source of one SKU for one user, as in Microsoft Graph's licenseAssignmentState." })
export class LicenseAssignmentState implements View.LicenseAssignmentState {
  @Field(() => Sku)
  sku: Sku;

  @Field(() => SecurityGroup, { nullable: true, description: "null for a direct assignment." })
  assignedByGroup: SecurityGroup | null;

  @Field(() => [SecurityGroup], {
    description:
      "The chain of groups that carries the license to the user: first the group the user is a direct member of, last assignedByGroup (one element when the user is a direct member of assignedByGroup); empty for a direct assignment.",
  })
  via: SecurityGroup[];

  @Field(() => [ServicePlan])
  disabledPlans: ServicePlan[];

  @Field(() => LicenseState)
  state: LicenseState;

  @Field(() => LicenseError)
  error: LicenseError;

  @Field(() => Date)
  lastUpdatedAt: Date;
}

@ObjectType()
export class LicenseSource implements View.LicenseSource {
  @Field(() => LicenseSourceKind)
  kind: LicenseSourceKind;

  @Field(() => SecurityGroup, { nullable: true, description: "The group the license is assigned to, for kind GROUP." })
  group: SecurityGroup | null;

  @Field(() => [SecurityGroup], { description: "As in LicenseAssignmentState.via; empty for DIRECT and TRIAL." })
  via: SecurityGroup[];
}

@ObjectType({ description: "What a user actually has of one SKU, all sources merged." })
export class EffectiveLicense implements View.EffectiveLicense {
  @Field(() => Sku)
  sku: Sku;

  @Field(() => LicenseState)
  state: LicenseState;

  @Field(() => LicenseError)
  error: LicenseError;

  @Field(() => Boolean)
  holdsSeat: boolean;

  @Field(() => [ServicePlan], { description: "Union of the plans that each source leaves enabled." })
  enabledPlans: ServicePlan[];

  @Field(() => [LicenseSource])
  sources: LicenseSource[] | Promise<LicenseSource[]>;

  @Field(() => Date, { nullable: true, description: "For a trial: when it ends." })
  expiresAt: Date | null;
}

@ObjectType()
export class PrepaidUnits implements View.PrepaidUnits {
  @Field(() => Int)
  enabled: number;

  @Field(() => Int)
  warning: number;

  @Field(() => Int)
  suspended: number;
}

@ObjectType({ description: "The tenant's pool for one SKU, summed over all its subscriptions." })
export class TenantLicense implements View.TenantLicense {
  @Field(() => Sku)
  sku: Sku;

  @Field(() => PrepaidUnits)
  prepaidUnits: PrepaidUnits;

  @Field(() => Int, {
    description: "Seats held by users (a user holds at most one seat per SKU, however many sources grant it).",
  })
  consumedUnits: number;

  @Field(() => Int, { description: "Seats that can still be given: enabled + warning - consumed, never negative." })
  availableUnits: number;

  @Field(() => Int, { description: "Users who should get this SKU (directly or through a group) but hold no seat." })
  unassignedDemand: number;

  @Field(() => Boolean, { description: "availableUnits at or below the tenant's seatAlertThreshold, or unassignedDemand above 0 (E5)." })
  lowOnSeats: boolean;
}

@ObjectType({ description: "What assigning a SKU to a group would do, computed without changing anything." })
export class GroupLicenseImpact implements View.GroupLicenseImpact {
  @Field(() => SecurityGroup)
  group: SecurityGroup;

  @Field(() => Sku)
  sku: Sku;

  @Field(() => Int, { description: "Transitive members who would newly need a seat." })
  newSeatsNeeded: number;

  @Field(() => Int, { description: "Transitive members who already hold a seat of this SKU." })
  alreadyLicensed: number;

  @Field(() => Int)
  availableUnits: number;

  @Field(() => Int, { description: "Members who would end up in COUNT_VIOLATION." })
  wouldBeInError: number;
}

@ObjectType({ description: "What removing a SKU from a group would do (S11), computed without writing anything." })
export class GroupLicenseRemovalImpact implements View.GroupLicenseRemovalImpact {
  @Field(() => SecurityGroup)
  group: SecurityGroup;

  @Field(() => Sku)
  sku: Sku;

  @Field(() => Int, { description: "Transitive members who would lose their seat: no other source grants them the SKU." })
  wouldLoseSeat: number;

  @Field(() => Int, { description: "Transitive members who keep the SKU through a direct assignment or another group." })
  keepThroughOtherSource: number;

  @Field(() => [User], { description: "Users waiting for a seat who would get one of the freed seats next (S4/S5 order), up to 100." })
  wouldGetSeatNext: User[];

  @Field(() => [User], { description: "A sample of those who would lose their seat, up to 100." })
  losingSeat: User[];
}
