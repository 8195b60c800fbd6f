/** The process's structured log (pino in production, see boot.ts); fields never carry secrets. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}
