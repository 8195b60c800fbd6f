/** What the bots services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
export interface CreateBotInput {
  name: string;
}

export interface UpdateBotInput {
  id: string;
  name?: string | null;
  published?: boolean | null;
  ownerId?: string | null;
}

export interface RecordBotSessionsInput {
  botId: string;
  count: number;
  at?: Date | null;
}
