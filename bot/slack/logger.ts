import type { Logger } from "@aws-lambda-powertools/logger";
import { LogLevel } from "./bolt";

/** Bolt's Logger interface (from @slack/logger), as Bolt calls it. */
export interface BoltLogger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
  setLevel(level: LogLevel): void;
  getLevel(): LogLevel;
  setName(name: string): void;
}

const ORDER: readonly LogLevel[] = [LogLevel.DEBUG, LogLevel.INFO, LogLevel.WARN, LogLevel.ERROR];

const detail = (value: unknown) =>
  value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;

/** Bolt's log lines, through the function's one Powertools logger, from `level` up. */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.ERROR): BoltLogger {
  let current = level;
  const at =
    (lineLevel: LogLevel, write: (entry: { message: string; details: unknown[] }) => void) =>
    (...msg: unknown[]) => {
      if (ORDER.indexOf(lineLevel) < ORDER.indexOf(current)) return;
      const [first] = msg;
      const lead = typeof first === "string";
      const message = lead ? first : first instanceof Error ? first.message : "";
      write({ message: `bolt: ${message}`, details: (lead ? msg.slice(1) : msg).map(detail) });
    };
  return {
    debug: at(LogLevel.DEBUG, (e) => logger.debug(e)),
    info: at(LogLevel.INFO, (e) => logger.info(e)),
    warn: at(LogLevel.WARN, (e) => logger.warn(e)),
    error: at(LogLevel.ERROR, (e) => logger.error(e)),
    setLevel: (next) => {
      current = next;
    },
    getLevel: () => current,
    setName: () => {},
  };
}
