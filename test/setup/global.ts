import type { TestProject } from "vitest/node";
import { type KafkaBroker, startKafka } from "./kafka-broker.ts";
import { type PostgresServer, startPostgres } from "./postgres-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    /** host:port of the test run's Kafka broker. */
    kafkaBrokers: string;
  }
}

let server: PostgresServer | null = null;
let kafka: KafkaBroker | null = null;

/** Starts the real components the integration tests need, once per test run. */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.TEST_DATABASE_URL;
  let brokers = process.env.TEST_KAFKA_BROKERS;
  const kafkaStarting = brokers ? null : startKafka();
  if (!url) {
    server = await startPostgres();
    url = server.url;
  }
  if (kafkaStarting) {
    kafka = await kafkaStarting;
    brokers = kafka.bootstrap;
  }
  project.provide("postgresUrl", url);
  project.provide("kafkaBrokers", brokers ?? "");
}

export async function teardown(): Promise<void> {
  server?.stop();
  await kafka?.stop();
}
