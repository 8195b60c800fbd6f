import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../app/request/context";
import { Bot, User } from "../../data/entities";
import { CreateBotInput, RecordBotSessionsInput, UpdateBotInput } from "./bot.inputs";
import { billedSessions, createBot, deleteBot, getBot, ownerOf, recordBotSessions, updateBot } from "../../app/bots/bots";

@Resolver(() => Bot)
export class BotResolver {
  @Query(() => Bot, { nullable: true })
  bot(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return getBot(ctx, id);
  }

  @Mutation(() => Bot)
  createBot(@Arg("input", () => CreateBotInput) input: CreateBotInput, @Ctx("ctx") ctx: RequestContext) {
    return createBot(ctx, input);
  }

  @Mutation(() => Bot)
  updateBot(@Arg("input", () => UpdateBotInput) input: UpdateBotInput, @Ctx("ctx") ctx: RequestContext) {
    return updateBot(ctx, input);
  }

  @Mutation(() => ID)
  deleteBot(@Arg("id", () => ID) id: string, @Ctx("ctx") ctx: RequestContext) {
    return deleteBot(ctx, id);
  }

  @Mutation(() => Bot)
  recordBotSessions(@Arg("input", () => RecordBotSessionsInput) input: RecordBotSessionsInput, @Ctx("ctx") ctx: RequestContext) {
    return recordBotSessions(ctx, input);
  }

  @FieldResolver(() => User)
  owner(@Root() bot: Bot, @Ctx("ctx") ctx: RequestContext): Promise<User> {
    return ownerOf(ctx, bot);
  }

  @FieldResolver(() => Int)
  billedSessions(@Root() bot: Bot, @Ctx("ctx") ctx: RequestContext, @Arg("period", () => String, { nullable: true }) period?: string) {
    return billedSessions(ctx, bot, period);
  }
}
