// A Camunda external-task worker as anyone would write it with Camunda's own client (camunda-external-task-client-js),
// pointed at our /engine-rest. ExternalTaskWorkerTests runs it with:
//   PW_BASE_URL  the app's address        PW_TOKEN  a bearer token of a `worker` user (POST /api/auth/token)
//   PW_TOPIC     the topic to work        PW_WORKER_ID  the worker's id
// It takes one task, completes it with the variable `checkedBy` (and `score` from the task's `requestedAmount`),
// prints "completed <task id>" and exits 0; exit 2 when no task came within 60 s.
import { Client, Variables } from "camunda-external-task-client-js";

const { PW_BASE_URL, PW_TOKEN, PW_TOPIC, PW_WORKER_ID } = process.env;

// The client's interceptors may change each request: here they add our bearer token.
const bearer = (config) => ({ ...config, headers: { ...config.headers, Authorization: `Bearer ${PW_TOKEN}` } });

const client = new Client({
  baseUrl: `${PW_BASE_URL}/engine-rest`,
  workerId: PW_WORKER_ID,
  interceptors: [bearer],
  asyncResponseTimeout: 2000,
  lockDuration: 30000,
  maxTasks: 1,
});

client.on("poll:error", (e) => console.error(`poll failed: ${e}`));
client.on("complete:error", (_, e) => console.error(`complete failed: ${e}`));

client.subscribe(PW_TOPIC, async ({ task, taskService }) => {
  const amount = task.variables.get("requestedAmount");
  const variables = new Variables().set("checkedBy", PW_WORKER_ID).set("score", amount * 2);
  await taskService.complete(task, variables);
  console.log(`completed ${task.id}`);
  client.stop();
  process.exit(0);
});

setTimeout(() => {
  console.error("no task within 60 s");
  process.exit(2);
}, 60000);
