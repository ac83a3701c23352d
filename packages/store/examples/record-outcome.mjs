// Opens an embedded store in memory (the bundled datasets are imported on first open), records an
// outcome and moves a meeting as the secretary, and reads back the exact amount, the plan and the audit log.
import { openStore } from "@samverkan/store";

const store = await openStore({ inMemory: true });
const secretary = { actor: "sekreteraren" };

await store.recordOutcome(
  "norrbotten",
  { line: "e-arkiv", date: "2023-05-31", amount: "119924.00", unit: "kr" },
  secretary,
);
await store.recordOutcome(
  "norrbotten",
  { line: "e-arkiv", date: "2023-06-30", amount: "0.1", unit: "kr" },
  secretary,
);
await store.recordOutcome(
  "norrbotten",
  { line: "e-arkiv", date: "2023-07-31", amount: "0.2", unit: "kr" },
  secretary,
);
console.log(
  "utfall e-arkiv:",
  await store.amountTotal("norrbotten", { kind: "outcome", line: "e-arkiv" }),
  "kr",
);

const moved = await store.changeMeeting(
  "norrbotten",
  { kind: "moved", meetingId: "committee-2022-10-12", to: { date: "2022-10-19", place: "Teams" } },
  secretary,
);
console.log(`${moved.id}: ${moved.status}, ${moved.movedFrom.date} → ${moved.date} (${moved.place})`);

for (const entry of (await store.auditLog({ limit: 2 })).reverse()) {
  console.log(`${entry.actor} ${entry.action} ${entry.target}`);
}
await store.close();
