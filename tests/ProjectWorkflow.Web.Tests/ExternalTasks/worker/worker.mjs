// A Camunda external-task worker as anyone would write it with Camunda's own client (camunda-external-task-client-js),
// pointed at our /engine-rest. ExternalTaskWorkerTests runs it with:
//   PW_BASE_URL  the app's address        PW_TOKEN  a bearer token of a `worker` user (POST /api/auth/token)
//   PW_TOPIC     the topic to work        PW_WORKER_ID  the worker's id
// and, optionally:
//   PW_MODE      "one" (the default): take one task, complete it, exit 0 (exit 2 when no task came within 60 s);
//                "many": complete every task that comes, exit 0 once none came for 4 s;
//                "hang": take one task, print "locked <task id>" and never complete it (the test kills the worker)
//   PW_LOCK_MS   the lock duration in milliseconds (30000 by default)
// A task is completed with the variable `checkedBy` (and `score` from its `requestedAmount`); "completed <task id>"
// is printed for each.
import { Client, Variables } from "camunda-external-task-client-js";

const { PW_BASE_URL, PW_TOKEN, PW_TOPIC, PW_WORKER_ID } = process.env;
const mode = process.env.PW_MODE ?? "one";
const lockDuration = Number(process.env.PW_LOCK_MS ?? 30000);

// The client's interceptors may change each request: here they add our bearer token.
const bearer = (config) => ({ ...config, headers: { ...config.headers, Authorization: `Bearer ${PW_TOKEN}` } });

const client = new Client({
  baseUrl: `${PW_BASE_URL}/engine-rest`,
  workerId: PW_WORKER_ID,
  interceptors: [bearer],
  asyncResponseTimeout: mode === "many" ? 500 : 2000,
  lockDuration,
  maxTasks: 1,
});

client.on("poll:error", (e) => console.error(`poll failed: ${e}`));
client.on("complete:error", (_, e) => console.error(`complete failed: ${e}`));

let idleSince = Date.now();
client.subscribe(PW_TOPIC, async ({ task, taskService }) => {
  idleSince = Date.now();
  if (mode === "hang") {
    console.log(`locked ${task.id}`);
    return; // holds the lock until the test kills the process
  }
  const amount = task.variables.get("requestedAmount");
  const variables = new Variables().set("checkedBy", PW_WORKER_ID).set("score", amount * 2);
  await taskService.complete(task, variables);
  console.log(`completed ${task.id}`);
  idleSince = Date.now();
  if (mode === "one") {
    client.stop();
    process.exit(0);
  }
});

if (mode === "many") {
  setInterval(() => {
    if (Date.now() - idleSince > 4000) {
      client.stop();
      process.exit(0);
    }
  }, 250);
}

setTimeout(() => {
  console.error(mode === "many" ? "still working after 60 s" : "no task within 60 s");
  process.exit(mode === "many" ? 3 : 2);
}, 60000);
