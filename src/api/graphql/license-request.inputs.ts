import type * as In from "../../app/requests/inputs";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { LicenseRequest } from "../../data/entities";
import { LicenseGrantKind } from "../../domain/enums";
import { EffectiveLicense } from "./licensing.types";
import { Connection } from "./connections";

export const LicenseRequestConnection = Connection(LicenseRequest, "LicenseRequest");

@InputType()
export class RequestLicenseInput implements In.RequestLicenseInput {
  @Field(() => ID)
  skuId: string;

  @Field(() => String, { nullable: true })
  justification?: string | null;
}

@InputType()
export class ApproveLicenseRequestInput implements In.ApproveLicenseRequestInput {
  @Field(() => ID)
  id: string;

  @Field(() => LicenseGrantKind, { defaultValue: LicenseGrantKind.DIRECT })
  grantAs: LicenseGrantKind;

  @Field(() => ID, { nullable: true, description: "Required when grantAs is GROUP." })
  groupId?: string | null;
}

@InputType()
export class DenyLicenseRequestInput implements In.DenyLicenseRequestInput {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

@InputType()
export class SetAutoClaimPolicyInput implements In.SetAutoClaimPolicyInput {
  @Field(() => ID)
  skuId: string;

  @Field(() => Boolean)
  enabled: boolean;

  @Field(() => ID, { nullable: true })
  scopeGroupId?: string | null;
}

@ObjectType({ description: "What claimLicense did (V2)." })
export class ClaimLicensePayload {
  @Field(() => EffectiveLicense, { nullable: true, description: "Set when a seat was given at once." })
  license: EffectiveLicense | null;

  @Field(() => LicenseRequest, { nullable: true, description: "Set when no seat was free and a request was opened (or one was already open)." })
  request: LicenseRequest | null;
}
