import type { Ctx } from "../../context";
import { AppError, ErrorCode } from "../../errors";
import { requireUser } from "../../auth/permissions";
import { EffectiveLicense } from "./licensing.types";
import { StartTrialInput } from "./licensing.inputs";

export async function startTrial(ctx: Ctx, _input: StartTrialInput): Promise<EffectiveLicense> {
  requireUser(ctx.principal);
  throw new AppError(ErrorCode.BAD_USER_INPUT, "Trials are not available yet.");
}
