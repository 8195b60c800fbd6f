import { ClassType, Field, Int, ObjectType } from "type-graphql";
import { Page, PageInfo as PageInfoShape } from "../../domain/paging";
import { AuditEvent, Bot, SecurityGroup, User } from "../../data/entities";

@ObjectType()
export class PageInfo implements PageInfoShape {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

/** A Relay-style connection type named `<name>Connection` with `<name>Edge`. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => String)
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class Conn implements Page<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number | Promise<number>;
  }
  return Conn;
}


export const UserConnection = Connection(User, "User");
export const SecurityGroupConnection = Connection(SecurityGroup, "SecurityGroup");
export const BotConnection = Connection(Bot, "Bot");
export const AuditEventConnection = Connection(AuditEvent, "AuditEvent");
