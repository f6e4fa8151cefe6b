// JSON logs for every process (web, workers, scripts).
import pino from "pino";

export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { service: process.env.HALLES_SERVICE ?? "web" } });
