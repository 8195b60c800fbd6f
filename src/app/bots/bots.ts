import type { RequestContext } from "../request/context";
import { Bot, BotUsage, Subscription, User } from "../../data/entities";
import { AppError, forbidden, notFound } from "../../domain/errors";
import { newId } from "../../domain/ids";
import { hasPermission, Permission, requirePermission, requireSignedIn, requireUser } from "../auth/permissions";
import { Page, PageArgs } from "../../domain/paging";
import { pageByIds } from "../../data/paging";
import { grantedAt, monthReadingInstant } from "../../domain/licensing/status";
import { period, requiredText, wholeNumber } from "../../domain/validation";
import { recordAudit } from "../audit/audit";
import { LicenseKind } from "../../domain/enums";
import { botGateError } from "../licensing/licensing";
import { assertCanSeeUser } from "../users/users";
import { CreateBotInput, RecordBotSessionsInput, UpdateBotInput } from "./inputs";
import { removeDeletedOwnerIfDone } from "../users/directory-users";
import { noteBotActivity } from "../request/admission";

export const MAX_SESSIONS_PER_CALL = 1_000_000;

/** B1: the caller must be able to create bots. */
export async function createBot(ctx: RequestContext, input: CreateBotInput): Promise<Bot> {
  const p = requireUser(ctx.principal);
  const name = requiredText(input.name, "name");
  const gate = await botGateError(ctx, p.user);
  if (gate) throw gate;
  const bot = Object.assign(new Bot(), { id: newId("bot"), tenantId: p.tenantId, name, ownerId: p.userId, published: false, createdAt: ctx.clock.now() });
  await ctx.write(async (tx) => {
    await tx.insert(Bot, [bot]);
    await recordAudit(tx, ctx, "CREATE_BOT", bot.id, { after: { name, ownerId: p.userId } }, name);
  });
  noteBotActivity(ctx.app, p.tenantId, bot.ownerId);
  return bot;
}

/** B2: the owner manages a bot while they can still create bots; a GLOBAL_ADMIN always can. */
async function manageableBot(ctx: RequestContext, id: string): Promise<Bot> {
  const p = requireUser(ctx.principal);
  const bot = await ctx.db.findOne(Bot, { id });
  const admin = hasPermission(p, Permission.MANAGE_ANY_BOT);
  if (!bot) throw notFound("Bot", id);
  if (admin) return bot;
  if (bot.ownerId !== p.userId) throw forbidden("Only the bot's owner or a GLOBAL_ADMIN can manage this bot.");
  const gate = await botGateError(ctx, p.user);
  if (gate) throw gate;
  return bot;
}

export async function updateBot(ctx: RequestContext, input: UpdateBotInput): Promise<Bot> {
  const bot = await manageableBot(ctx, input.id);
  const patch: Partial<Bot> = {};
  if (input.name != null) patch.name = requiredText(input.name, "name");
  if (input.published != null) patch.published = input.published;
  if (input.ownerId != null && input.ownerId !== bot.ownerId) {
    const owner = await ctx.loaders.user.load(input.ownerId);
    if (!owner) throw notFound("User", input.ownerId);
    const gate = await botGateError(ctx, owner);
    if (gate) throw new AppError(gate.code, `The new owner cannot create bots: ${gate.message}`);
    patch.ownerId = owner.id;
  }
  const updated = await ctx.write(async (tx) => {
    const current = await tx.findOne(Bot, { id: bot.id });
    if (!current) throw notFound("Bot", bot.id);
    if (Object.keys(patch).length) await tx.update(Bot, { id: bot.id }, patch);
    const after = Object.assign(new Bot(), current, patch);
    const removedOwner = after.ownerId !== current.ownerId && (await removeDeletedOwnerIfDone(tx, current.ownerId));
    await recordAudit(tx, ctx, "UPDATE_BOT", bot.id, {
      before: { name: current.name, published: current.published, ownerId: current.ownerId },
      after: { name: after.name, published: after.published, ownerId: after.ownerId },
      ...(removedOwner ? { removedDeletedOwnerId: current.ownerId } : {}),
    }, after.name);
    return after;
  });
  // V3: a bot action is its owner's activity.
  noteBotActivity(ctx.app, ctx.tenantId, updated.ownerId);
  return updated;
}

export async function deleteBot(ctx: RequestContext, id: string): Promise<string> {
  const bot = await manageableBot(ctx, id);
  return ctx.write(async (tx) => {
    if (!(await tx.findOne(Bot, { id }))) throw notFound("Bot", id);
    await tx.delete(Bot, { id });
    const removedOwner = await removeDeletedOwnerIfDone(tx, bot.ownerId);
    await recordAudit(tx, ctx, "DELETE_BOT", id, { before: { name: bot.name, ownerId: bot.ownerId }, ...(removedOwner ? { removedDeletedOwnerId: bot.ownerId } : {}) }, bot.name);
    return id;
  });
}

/** B3: adds to the bot's row for the UTC month of `at`; never checks an end user's license; overage is allowed. */
export async function recordBotSessions(ctx: RequestContext, input: RecordBotSessionsInput): Promise<Bot> {
  requirePermission(ctx.principal, Permission.RECORD_SESSIONS);
  const count = wholeNumber(input.count, "count", 1, MAX_SESSIONS_PER_CALL);
  const month = (input.at ?? ctx.clock.now()).toISOString().slice(0, 7);
  const recorded = await ctx.write(async (tx) => {
    const bot = await tx.findOne(Bot, { id: input.botId });
    if (!bot) throw notFound("Bot", input.botId);
    const row = await tx.findOne(BotUsage, { botId: bot.id, period: month });
    if (row) {
      await tx.increment(BotUsage, { botId: bot.id, period: month }, "sessions", count);
    } else {
      await tx.insert(BotUsage, [{ botId: bot.id, period: month, sessions: count }]);
    }
    await recordAudit(tx, ctx, "RECORD_BOT_SESSIONS", bot.id, { period: month, count, before: row?.sessions ?? 0, after: (row?.sessions ?? 0) + count }, bot.name);
    return bot;
  });
  // V3: sessions of a bot (the bot runtime records them) are its owner's activity.
  noteBotActivity(ctx.app, ctx.tenantId, recorded.ownerId);
  return recorded;
}

/** Readers see every bot; a user without roles sees only their own. */
export async function getBot(ctx: RequestContext, id: string): Promise<Bot | null> {
  const p = requireUser(ctx.principal);
  const bot = await ctx.loaders.bot.load(id);
  if (bot && bot.ownerId !== p.userId && !hasPermission(p, Permission.READ_TENANT)) {
    throw forbidden("You can read only your own bots.");
  }
  return bot;
}

export async function listBots(ctx: RequestContext, args: PageArgs): Promise<Page<Bot>> {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  return pageByIds(ctx.db.qb(Bot, "b"), args);
}

export async function botsOf(ctx: RequestContext, user: User): Promise<Bot[]> {
  assertCanSeeUser(ctx, user);
  return ctx.loaders.botsOfOwner.load(user.id);
}

/** A bot's owner is a person of the tenant: not for app identities such as BotRuntime. */
export async function ownerOf(ctx: RequestContext, bot: Bot): Promise<User> {
  requireSignedIn(ctx.principal);
  if (ctx.principal.kind !== "user") throw forbidden("Only people of the tenant can read a bot's owner.");
  const u = await ctx.loaders.user.load(bot.ownerId);
  if (!u) throw notFound("User", bot.ownerId);
  return u;
}

export async function billedSessions(ctx: RequestContext, bot: Bot, periodArg?: string | null): Promise<number> {
  const month = period(periodArg, ctx.clock.now());
  const row = await ctx.db.findOne(BotUsage, { botId: bot.id, period: month });
  return row?.sessions ?? 0;
}

/** C1: purchased from TENANT-kind subscriptions granting in that month (K8); consumed by all the tenant's bots that month. */
export async function capacity(ctx: RequestContext, periodArg?: string | null) {
  requirePermission(ctx.principal, Permission.READ_TENANT);
  const now = ctx.clock.now();
  const month = period(periodArg, now);
  const subs = await ctx.db.find(Subscription);
  // A past month counts the subscriptions as they stood at its end: none before the first one started (K8).
  const at = monthReadingInstant(month, now);
  const purchased = subs
    .filter((s) => grantedAt(s, at))
    .reduce((sum, s) => sum + s.quantity * (ctx.catalog.sku(s.skuId)?.kind === LicenseKind.TENANT ? ctx.catalog.sku(s.skuId)!.billedSessionsPerUnit : 0), 0);
  const usage = await ctx.db.find(BotUsage, { period: month });
  const consumed = usage.reduce((sum, u) => sum + u.sessions, 0);
  const bots = await ctx.loaders.bot.loadMany(usage.map((u) => u.botId));
  const byBot = usage
    .map((u, i) => ({ bot: bots[i], billedSessions: u.sessions }))
    .filter((b): b is { bot: Bot; billedSessions: number } => b.bot instanceof Bot)
    .sort((a, b) => b.billedSessions - a.billedSessions || a.bot.id.localeCompare(b.bot.id));
  return {
    period: month, purchased, consumed,
    remaining: Math.max(0, purchased - consumed), overage: Math.max(0, consumed - purchased), byBot,
  };
}
