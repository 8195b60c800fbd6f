import type * as In from "../../app/directory/inputs";
import { Field, InputType, Int, ObjectType } from "type-graphql";
import { ProvisioningToken } from "../../data/entities";

@InputType()
export class CreateProvisioningTokenInput implements In.CreateProvisioningTokenInput {
  @Field(() => String)
  description: string;

  @Field(() => Int, { nullable: true, defaultValue: 365, description: "1 to 730; null: the token does not expire." })
  expiresInDays?: number | null;
}

@ObjectType()
export class CreateProvisioningTokenPayload {
  @Field(() => String, { description: "The bearer secret for the directory's provisioning settings. Not retrievable later." })
  token: string;

  @Field(() => ProvisioningToken)
  provisioningToken: ProvisioningToken;

  @Field(() => String, { description: "The SCIM base URL to give the directory (the Tenant URL in Entra ID, the base URL in Okta)." })
  scimBaseUrl: string;
}
