import { signToken } from "../app/auth/sign";
import { loadConfig } from "../config";
import { devSecret } from "../main";

const HELP = `Prints a signed HS256 token for JWT_SECRET (or the local dev secret).

  npm run token -- --operator                          a platform operator (createTenant)
  npm run token -- --tenant <tid> --user <oid>         a user of a tenant (roles come from the database)
  npm run token -- --tenant <tid> --runtime            a bot runtime (recordBotSessions)
  options: --ttl <hours> (default 8)`;

async function run(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (argv.includes("--help") || argv.length === 0) return void console.log(HELP);
  const config = loadConfig();
  if (config.jwksUrl && !config.jwtSecret) throw new Error("With JWT_JWKS_URL, tokens come from your identity provider.");
  const secret = config.jwtSecret ?? devSecret();
  const ttlSeconds = Math.round(Number(arg("ttl") ?? 8) * 3600);
  const common = { ttlSeconds, issuer: config.jwtIssuer, audience: config.jwtAudience };
  let token: string;
  if (argv.includes("--operator")) token = await signToken(secret, { ...common, roles: ["PlatformOperator"] });
  else if (argv.includes("--runtime")) token = await signToken(secret, { ...common, tid: arg("tenant"), roles: ["BotRuntime"] });
  else token = await signToken(secret, { ...common, tid: arg("tenant"), oid: arg("user") });
  console.log(token);
}

run(process.argv.slice(2)).catch((e) => {
  console.error(String(e?.message ?? e));
  process.exit(1);
});
