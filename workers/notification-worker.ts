// The notification worker: sends the order and account e-mails over SMTP (SMTP_URL, MAIL_FROM;
// links point at PUBLIC_URL).
// Run: npx tsx workers/notification-worker.ts
import { createMailTransport } from "@/lib/mail/transport";
import { workerEnv } from "./lib/config";
import { exitAfterFailedStart, startWorkerService } from "./runtime";
import { sendAccountEmailTask } from "./tasks/send-account-email";
import { sendOrderEmailTask } from "./tasks/send-order-email";

const DEFAULT_HEALTH_PORT = 9102;

async function main(): Promise<void> {
  const env = workerEnv();
  const transport = createMailTransport(env.SMTP_URL);
  await startWorkerService({
    name: "notification-worker",
    tasks: {
      "send-order-email": sendOrderEmailTask({ transport, from: env.MAIL_FROM }),
      "send-account-email": sendAccountEmailTask({ transport, from: env.MAIL_FROM, publicUrl: env.PUBLIC_URL }),
    },
    concurrency: env.WORKER_CONCURRENCY ?? 2,
    healthPort: env.HEALTH_PORT ?? DEFAULT_HEALTH_PORT,
    onShutdown: () => transport.close(),
  });
}

main().catch((error: unknown) => exitAfterFailedStart("notification-worker", error));
