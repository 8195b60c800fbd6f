import { Arg, Ctx as GqlCtx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { Ctx } from "../../app/context";
import { Bot, User } from "../../data/entities";
import { CreateBotInput, RecordBotSessionsInput, UpdateBotInput } from "./bot.inputs";
import { billedSessions, createBot, deleteBot, getBot, ownerOf, recordBotSessions, updateBot } from "../../app/bot.service";

@Resolver(() => Bot)
export class BotResolver {
  @Query(() => Bot, { nullable: true })
  bot(@Arg("id", () => ID) id: string, @GqlCtx() ctx: Ctx) {
    return getBot(ctx, id);
  }

  @Mutation(() => Bot)
  createBot(@Arg("input", () => CreateBotInput) input: CreateBotInput, @GqlCtx() ctx: Ctx) {
    return createBot(ctx, input);
  }

  @Mutation(() => Bot)
  updateBot(@Arg("input", () => UpdateBotInput) input: UpdateBotInput, @GqlCtx() ctx: Ctx) {
    return updateBot(ctx, input);
  }

  @Mutation(() => ID)
  deleteBot(@Arg("id", () => ID) id: string, @GqlCtx() ctx: Ctx) {
    return deleteBot(ctx, id);
  }

  @Mutation(() => Bot)
  recordBotSessions(@Arg("input", () => RecordBotSessionsInput) input: RecordBotSessionsInput, @GqlCtx() ctx: Ctx) {
    return recordBotSessions(ctx, input);
  }

  @FieldResolver(() => User)
  owner(@Root() bot: Bot, @GqlCtx() ctx: Ctx): Promise<User> {
    return ownerOf(ctx, bot);
  }

  @FieldResolver(() => Int)
  billedSessions(@Root() bot: Bot, @GqlCtx() ctx: Ctx, @Arg("period", () => String, { nullable: true }) period?: string) {
    return billedSessions(ctx, bot, period);
  }
}
