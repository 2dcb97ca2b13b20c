import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.ts";

/**
 * A throwaway single-node Apache Kafka (KRaft, broker and controller in one JVM) for the tests
 * and the Kafka benchmark. The jars come from Maven Central through scripts/kafka/ensure-kafka.sh
 * (cached in .cache/kafka-libs); the machine's Java 17 runs `kafka.tools.StorageTool format`
 * on a temp folder and then `kafka.Kafka`, listening on free loopback ports only.
 *
 * `halt()` and `resume()` stop and restart the same broker (same ports, same data) so a test can
 * take it away in the middle of a stream of events. Set TEST_KAFKA_BROKERS to use a running one.
 */
export interface KafkaBroker {
  /** host:port of the PLAINTEXT listener. */
  readonly bootstrap: string;
  /** Stops the broker process, keeping its data. */
  halt(): Promise<void>;
  /** Starts it again on the same ports and data. */
  resume(): Promise<void>;
  /** Stops it and deletes its folder. */
  stop(): Promise<void>;
}

const READY_LINE = "Kafka Server started";
const READY_TIMEOUT_MS = 90_000;
const STOP_GRACE_MS = 10_000;

const scriptsDir = new URL("../../scripts/kafka/", import.meta.url).pathname;

function serverProperties(dir: string, brokerPort: number, controllerPort: number): string {
  return `process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=${join(dir, "data")}
num.partitions=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
`;
}

/** Resolves the jars with Maven when the cache is empty; returns the classpath wildcard. */
function brokerClasspath(): string {
  const libs = execFileSync("bash", [join(scriptsDir, "ensure-kafka.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  return `${libs}/*`;
}

function launch(classpath: string, dir: string, logFile: string): Promise<ChildProcess> {
  const child = spawn(
    "java",
    [
      "-Xms256m",
      "-Xmx512m",
      "-XX:+UseG1GC",
      "-Djava.awt.headless=true",
      `-Dlog4j2.configurationFile=${join(scriptsDir, "log4j2.properties")}`,
      `-Dkafka.logs.dir=${join(dir, "logs")}`,
      "-cp",
      classpath,
      "kafka.Kafka",
      join(dir, "server.properties"),
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`Kafka did not start within ${READY_TIMEOUT_MS} ms:\n${output}`));
    }, READY_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      writeFileSync(logFile, output);
      if (output.includes(READY_LINE)) {
        clearTimeout(timer);
        child.stdout?.removeAllListeners("data");
        child.stderr?.removeAllListeners("data");
        // Keep draining the pipes so the broker never blocks on a full pipe.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Kafka exited with code ${code} before it was ready:\n${output}`));
    });
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startKafka(): Promise<KafkaBroker> {
  const classpath = brokerClasspath();
  const dir = mkdtempSync(join(tmpdir(), "finplan-kafka-"));
  const brokerPort = await freePort();
  const controllerPort = await freePort();
  writeFileSync(join(dir, "server.properties"), serverProperties(dir, brokerPort, controllerPort));
  // A fixed cluster id is fine: every broker formats a fresh folder.
  execFileSync(
    "java",
    [
      `-Dlog4j2.configurationFile=${join(scriptsDir, "log4j2.properties")}`,
      "-cp",
      classpath,
      "kafka.tools.StorageTool",
      "format",
      "-t",
      "ZmlucGxhbi10ZXN0LWthZg",
      "-c",
      join(dir, "server.properties"),
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const logFile = join(dir, "kafka.out");
  let child: ChildProcess | null = await launch(classpath, dir, logFile);
  return {
    bootstrap: `127.0.0.1:${brokerPort}`,
    async halt() {
      if (child) await terminate(child);
      child = null;
    },
    async resume() {
      if (!child) child = await launch(classpath, dir, logFile);
    },
    async stop() {
      if (child) await terminate(child);
      child = null;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
