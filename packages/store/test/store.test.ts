import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { BUNDLED_DATA_DIR, loadBundledDataset, loadDataset } from "@samverkan/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoreError, type Store } from "../src/index.js";
import { BACKENDS, copyBundled, tempDir, type Opened } from "./backends.js";
import { editYaml } from "./edit.js";

const actor = { actor: "sekreteraren" };

/** The error a promise rejects with, checked to be a StoreError. */
async function storeError(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  return error as StoreError;
}

describe.each(BACKENDS)("the store on $name", (backend) => {
  let opened: Opened;
  let store: Store;
  beforeAll(async () => {
    opened = await backend.open();
    store = opened.store;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it("imports the bundled datasets on first open, and hands them out validated and unchanged", async () => {
    expect(await store.ping()).toBe(true);
    const infos = await store.collaborations();
    expect(infos.map((c) => [c.id, c.revision, c.source, c.importedBy])).toEqual([
      ["norrbotten", 1, "bundled:norrbotten", "system"],
      ["skanearkiv", 1, "bundled:skanearkiv", "system"],
    ]);
    const datasets = await store.datasets();
    expect(datasets.map((d) => d.collaboration.id)).toEqual(["norrbotten", "skanearkiv"]);
    expect(datasets[0]).toEqual(loadBundledDataset("norrbotten"));
    expect(await store.dataset("skanearkiv")).toEqual(loadBundledDataset("skanearkiv"));
    const imports = (await store.auditLog()).filter((a) => a.action === "dataset.import");
    expect(imports.map((a) => [a.collaborationId, a.actor, a.before])).toEqual([
      ["skanearkiv", "system", null],
      ["norrbotten", "system", null],
    ]);
  });

  it("does not trust the database: a stored file that no longer validates is refused on the way out", async () => {
    const sql = opened.sql;
    await sql.transaction(async (tx) => {
      const [row] = await tx.query<{ content: { municipalities: { name: string }[] } }>(
        "SELECT content FROM dataset_files WHERE collaboration_id = 'skanearkiv' AND file_name = 'municipalities.yaml'",
      );
      const content = row?.content as { municipalities: { name: string }[] };
      const original = JSON.stringify(content);
      (content.municipalities[0] as { name: string }).name = "Xyzzy";
      await tx.query(
        "UPDATE dataset_files SET content = $1::json WHERE collaboration_id = 'skanearkiv' AND file_name = 'municipalities.yaml'",
        [JSON.stringify(content)],
      );
      await tx.query("UPDATE collaborations SET revision = revision + 100 WHERE id = 'skanearkiv'");
      // Put it back at the end of the test; first see the store refuse it.
      await tx.query("CREATE TEMP TABLE keep (content text)");
      await tx.query("INSERT INTO keep VALUES ($1)", [original]);
    });
    try {
      const error = await store.dataset("skanearkiv").catch((e: unknown) => e);
      expect(String(error)).toContain('Could not load dataset "skanearkiv"');
      expect(String(error)).toContain("Xyzzy");
      // The other collaboration is still served.
      expect((await store.dataset("norrbotten")).collaboration.id).toBe("norrbotten");
    } finally {
      await sql.query(
        `UPDATE dataset_files SET content = (SELECT content::json FROM keep)
         WHERE collaboration_id = 'skanearkiv' AND file_name = 'municipalities.yaml'`,
      );
      await sql.query("UPDATE collaborations SET revision = revision - 100 WHERE id = 'skanearkiv'");
    }
    await sql.query("DROP TABLE keep");
    expect(await store.dataset("skanearkiv")).toEqual(loadBundledDataset("skanearkiv"));
  });

  it("says which collaborations exist when asked for an unknown one", async () => {
    const error = await storeError(store.dataset("norrboten"));
    expect(error.code).toBe("not_found");
    expect(error.message).toContain("norrbotten");
  });

  it("re-imports a changed folder in one go and reports what changed, file by file and entry by entry", async () => {
    const dir = copyBundled("norrbotten");
    editYaml(dir, "risks.yaml", (doc) => doc.deleteIn(["risks", 0]));
    editYaml(dir, "meetings.yaml", (doc) =>
      doc.addIn(["meetings"], { id: "committee-2099-01-20", body: "committee", date: "2099-01-20" }),
    );
    editYaml(dir, "cost-items.yaml", (doc) => doc.setIn(["costItems", 0, "description"], "Ny beskrivning."));

    const report = await store.importDataset(dir, { actor: "sekreteraren", collaborationId: "norrbotten" });
    expect(report).toMatchObject({
      collaborationId: "norrbotten",
      changed: true,
      created: false,
      revision: 2,
    });
    const changed = report.files.filter((f) => f.status !== "unchanged");
    expect(changed).toEqual([
      { file: "cost-items.yaml", status: "changed", added: [], removed: [], changed: ["grundfinansiering"] },
      { file: "meetings.yaml", status: "changed", added: ["committee-2099-01-20"], removed: [], changed: [] },
      { file: "risks.yaml", status: "changed", added: [], removed: ["risk-2022-project-plan"], changed: [] },
    ]);
    expect(report.files.filter((f) => f.status === "unchanged")).toHaveLength(9);

    const dataset = await store.dataset("norrbotten");
    expect(dataset.costItems[0]?.description).toBe("Ny beskrivning.");
    expect(dataset.risks.map((r) => r.id)).not.toContain("risk-2022-project-plan");
    expect((await store.meetings("norrbotten")).map((m) => m.id)).toContain("committee-2099-01-20");

    const [entry] = await store.auditLog({ limit: 1 });
    expect(entry).toMatchObject({
      action: "dataset.import",
      actor: "sekreteraren",
      collaborationId: "norrbotten",
    });
    const before = entry?.before as { revision: number; files: Record<string, { risks?: { id: string }[] }> };
    const after = entry?.after as { revision: number; files: Record<string, { risks?: { id: string }[] }> };
    expect([before.revision, after.revision]).toEqual([1, 2]);
    expect(Object.keys(after.files).sort()).toEqual(["cost-items.yaml", "meetings.yaml", "risks.yaml"]);
    expect(before.files["risks.yaml"]?.risks?.[0]?.id).toBe("risk-2022-project-plan");
    expect(after.files["risks.yaml"]?.risks?.[0]?.id).not.toBe("risk-2022-project-plan");

    // The same folder again changes nothing and writes nothing.
    const again = await store.importDataset(dir, actor);
    expect(again).toMatchObject({ changed: false, revision: 2 });
    expect((await store.auditLog({ limit: 1 }))[0]?.id).toBe(entry?.id);
  });

  it("imports a new collaboration from a folder", async () => {
    const dir = copyBundled("skanearkiv");
    editYaml(dir, "collaboration.yaml", (doc) => doc.setIn(["collaboration", "id"], "skanearkiv-kopia"));
    const report = await store.importDataset(dir, actor);
    expect(report).toMatchObject({
      collaborationId: "skanearkiv-kopia",
      created: true,
      changed: true,
      revision: 1,
    });
    expect(report.files.every((f) => f.status === "added")).toBe(true);
    expect((await store.collaborations()).map((c) => c.id)).toEqual([
      "norrbotten",
      "skanearkiv",
      "skanearkiv-kopia",
    ]);
  });

  it("refuses a bad folder without changing anything, naming file, path and problem as the loader does", async () => {
    const before = await store.collaborations();
    const auditBefore = await store.auditLog({ limit: 1 });
    const dir = copyBundled("norrbotten");
    editYaml(dir, "risks.yaml", (doc) => doc.deleteIn(["risks", 1]));
    editYaml(dir, "collaboration.yaml", (doc) =>
      doc.setIn(["collaboration", "members", 2, "municipality"], "Kalx"),
    );

    const error = await storeError(store.importDataset(dir, actor));
    expect(error.code).toBe("invalid");
    expect(() => loadDataset(dir)).toThrow(error.message);
    expect(error.message).toContain(
      `${join(dir, "collaboration.yaml")}: collaboration.members[2].municipality: unknown municipality "Kalx"; did you mean "Kalix"?`,
    );
    expect(error.problems.length).toBeGreaterThan(0);
    expect(await store.collaborations()).toEqual(before);
    expect(await store.auditLog({ limit: 1 })).toEqual(auditBefore);
    expect((await store.dataset("norrbotten")).risks.map((r) => r.id)).toContain(
      "risk-2022-supplier-agreements",
    );

    // Broken YAML, and a folder holding another collaboration than the one asked for.
    const broken = copyBundled("skanearkiv");
    editYaml(broken, "population.yaml", () => undefined);
    const text = readFileSync(join(broken, "population.yaml"), "utf8");
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(broken, "population.yaml"), `${text}\n  - [unclosed\n`);
    expect((await storeError(store.importDataset(broken, actor))).message).toMatch(
      /population\.yaml: line \d+, column \d+: not valid YAML/,
    );
    const other = await storeError(
      store.importDataset(copyBundled("skanearkiv"), { ...actor, collaborationId: "norrbotten" }),
    );
    expect(other.code).toBe("invalid");
    expect(other.message).toContain('holds collaboration "skanearkiv", not "norrbotten"');
    expect(await store.collaborations()).toEqual(before);
  });

  it("exports a dataset as YAML files the loader reads back to the same dataset", async () => {
    const dir = join(tempDir(), "norrbotten");
    const written = await store.exportDataset("norrbotten", dir);
    expect(written.map((f) => f.slice(dir.length + 1)).sort()).toEqual(readdirSync(dir).sort());
    expect(loadDataset(dir)).toEqual(await store.dataset("norrbotten"));
    const skane = join(tempDir(), "skanearkiv");
    await store.exportDataset("skanearkiv", skane);
    expect(loadDataset(skane)).toEqual(loadBundledDataset("skanearkiv"));
    expect(readdirSync(skane).sort()).toEqual(readdirSync(join(BUNDLED_DATA_DIR, "skanearkiv")).sort());

    // A folder with YAML in it is not overwritten unless asked; then it holds exactly the dataset.
    expect((await storeError(store.exportDataset("skanearkiv", dir))).code).toBe("conflict");
    await store.exportDataset("skanearkiv", dir, { overwrite: true });
    expect(readdirSync(dir).sort()).toEqual(readdirSync(skane).sort());
    expect(loadDataset(dir)).toEqual(loadBundledDataset("skanearkiv"));
    expect((await storeError(store.exportDataset("nowhere", tempDir()))).code).toBe("not_found");
  });

  describe("outcomes and forecasts", () => {
    it("keeps amounts exact, with the scale they were written with", async () => {
      const recorded = await store.recordOutcome(
        "norrbotten",
        { line: "e-arkiv", date: "2023-05-31", amount: "119924.00", unit: "kr" },
        actor,
      );
      expect(recorded).toMatchObject({ kind: "outcome", line: "e-arkiv", amount: "119924.00", unit: "kr" });
      await store.recordOutcome(
        "norrbotten",
        { line: "a", date: "2023-06-30", amount: "0.1", unit: "kr" },
        actor,
      );
      await store.recordOutcome(
        "norrbotten",
        { line: "b", date: "2023-06-30", amount: "0.2", unit: "kr" },
        actor,
      );
      expect(await store.amountTotal("norrbotten", { kind: "outcome", from: "2023-06-01" })).toBe("0.3");
      await store.recordForecast(
        "norrbotten",
        { line: "a", date: "2023-12-31", amount: "1.5", unit: "tkr" },
        actor,
      );
      await store.recordForecast(
        "norrbotten",
        { line: "b", date: "2023-12-31", amount: 2, unit: "kr" },
        actor,
      );
      expect(await store.amountTotal("norrbotten", { kind: "forecast" })).toBe("1502.0");
      expect(
        (await store.amounts("norrbotten", { kind: "forecast" })).map((a) => [a.line, a.amount, a.unit]),
      ).toEqual([
        ["a", "1.5", "tkr"],
        ["b", "2", "kr"],
      ]);
      expect(await store.amounts("skanearkiv")).toEqual([]);
    });

    it("replaces an amount recorded again for the same line and date, with before and after in the audit log", async () => {
      const input = { line: "grundfinansiering", date: "2023-03-31", unit: "kr" as const };
      await store.recordOutcome("norrbotten", { ...input, amount: "100" }, actor);
      await store.recordOutcome(
        "norrbotten",
        { ...input, amount: "250.50", note: "rättad" },
        { actor: "ekonom" },
      );
      expect(await store.amounts("norrbotten", { line: "grundfinansiering" })).toMatchObject([
        { amount: "250.50", note: "rättad", recordedBy: "ekonom" },
      ]);
      const [entry] = await store.auditLog({ limit: 1 });
      expect(entry).toMatchObject({
        actor: "ekonom",
        action: "outcome.record",
        collaborationId: "norrbotten",
        target: "outcome grundfinansiering 2023-03-31",
        before: { amount: "100", recordedBy: "sekreteraren" },
        after: { amount: "250.50", note: "rättad" },
      });
      const removed = await store.removeAmount(
        "norrbotten",
        "outcome",
        "grundfinansiering",
        "2023-03-31",
        actor,
      );
      expect(removed.amount).toBe("250.50");
      expect(await store.amounts("norrbotten", { line: "grundfinansiering" })).toEqual([]);
      expect((await store.auditLog({ limit: 1 }))[0]).toMatchObject({
        action: "outcome.remove",
        after: null,
      });
      expect(
        (
          await storeError(
            store.removeAmount("norrbotten", "outcome", "grundfinansiering", "2023-03-31", actor),
          )
        ).code,
      ).toBe("not_found");
    });

    it("refuses floats, decimal commas, bad dates and units, naming the field, and writes nothing", async () => {
      const audit = await store.auditLog({ limit: 1 });
      const cases: [unknown, string][] = [
        [{ line: "x", date: "2023-01-31", amount: 0.1, unit: "kr" }, "amount"],
        [{ line: "x", date: "2023-01-31", amount: "12,5", unit: "kr" }, "amount"],
        [{ line: "x", date: "2023-02-30", amount: "1", unit: "kr" }, "date"],
        [{ line: "x", date: "2023-01-31", amount: "1", unit: "SEK" }, "unit"],
        [{ line: "", date: "2023-01-31", amount: "1", unit: "kr" }, "line"],
        [{ line: "x", date: "2023-01-31", amount: "1", unit: "kr", extra: 1 }, ""],
      ];
      for (const [input, path] of cases) {
        const error = await storeError(store.recordOutcome("norrbotten", input as never, actor));
        expect(error.code).toBe("invalid");
        expect(error.problems[0]?.path).toBe(path);
      }
      expect(
        (
          await storeError(
            store.recordOutcome(
              "norrbotten",
              { line: "x", date: "2023-01-31", amount: "1", unit: "kr" },
              { actor: "" },
            ),
          )
        ).code,
      ).toBe("invalid");
      const unknown = await storeError(
        store.recordOutcome("nowhere", { line: "x", date: "2023-01-31", amount: "1", unit: "kr" }, actor),
      );
      expect(unknown.code).toBe("not_found");
      expect(await store.auditLog({ limit: 1 })).toEqual(audit);
    });
  });

  describe("meetings", () => {
    it("shows the dataset's meeting plan with its statuses when nothing is recorded", async () => {
      const meetings = await store.meetings("skanearkiv");
      expect(meetings).toEqual([]);
      const plan = await store.meetings("norrbotten");
      const bundled = (await store.dataset("norrbotten")).meetings;
      expect(bundled.length).toBe(loadBundledDataset("norrbotten").meetings.length + 1); // the re-import added one
      expect(
        plan
          .filter((m) => m.origin === "dataset")
          .map((m) => m.id)
          .sort(),
      ).toEqual(bundled.map((m) => m.id).sort());
      expect(plan.find((m) => m.id === "committee-2022-03-16")).toMatchObject({
        status: "held",
        origin: "dataset",
      });
    });

    it("moves, cancels and adds meetings, and meetings() shows the changes", async () => {
      const moved = await store.changeMeeting(
        "norrbotten",
        {
          kind: "moved",
          meetingId: "committee-2022-10-12",
          to: { date: "2022-10-19", startTime: "13:00", endTime: "15:00", place: "Teams", reason: "krock" },
        },
        actor,
      );
      expect(moved).toMatchObject({
        id: "committee-2022-10-12",
        status: "moved",
        date: "2022-10-19",
        startTime: "13:00",
        place: "Teams",
        reason: "krock",
        movedFrom: { date: "2022-10-12" },
        changedBy: "sekreteraren",
      });
      // Moved twice: movedFrom still says where it was planned.
      await store.changeMeeting(
        "norrbotten",
        { kind: "moved", meetingId: "committee-2022-10-12", to: { date: "2022-10-20" } },
        actor,
      );
      const cancelled = await store.changeMeeting(
        "norrbotten",
        { kind: "cancelled", meetingId: "preparatory-2022-12-21", reason: "inga ärenden" },
        actor,
      );
      expect(cancelled).toMatchObject({ status: "cancelled", reason: "inga ärenden", date: "2022-12-21" });
      const added = await store.changeMeeting(
        "norrbotten",
        {
          kind: "added",
          meeting: {
            id: "extra-2022-11-02",
            body: "committee",
            title: "Extra sammanträde",
            date: "2022-11-02",
            startTime: "09:00",
          },
        },
        actor,
      );
      expect(added).toMatchObject({ origin: "added", status: "planned", title: "Extra sammanträde" });

      const plan = await store.meetings("norrbotten");
      const byId = new Map(plan.map((m) => [m.id, m]));
      expect(byId.get("committee-2022-10-12")).toMatchObject({
        date: "2022-10-20",
        status: "moved",
        movedFrom: { date: "2022-10-12" },
      });
      expect(byId.get("committee-2022-10-12")?.startTime).toBeUndefined();
      expect(byId.get("committee-2022-10-12")?.place).toBe("Teams");
      expect(byId.get("preparatory-2022-12-21")?.status).toBe("cancelled");
      expect(byId.get("extra-2022-11-02")?.origin).toBe("added");
      const dates = plan.map((m) => m.date);
      expect(dates).toEqual([...dates].sort());
      expect(plan.map((m) => m.id).indexOf("extra-2022-11-02")).toBeLessThan(
        plan.map((m) => m.id).indexOf("preparatory-2022-11-23"),
      );

      const audit = await store.auditLog({ limit: 4 });
      expect(audit.map((a) => a.action)).toEqual([
        "meeting.added",
        "meeting.cancelled",
        "meeting.moved",
        "meeting.moved",
      ]);
      expect(audit[0]?.before).toBeNull();
      expect(audit[1]).toMatchObject({ before: { status: "planned" }, after: { status: "cancelled" } });
    });

    it("refuses impossible changes with not_found, conflict or invalid", async () => {
      const unknown = await storeError(
        store.changeMeeting("norrbotten", { kind: "cancelled", meetingId: "committee-2022-12-41" }, actor),
      );
      expect(unknown.code).toBe("not_found");
      expect(unknown.suggestions).toContain("committee-2022-12-14");
      expect(
        (
          await storeError(
            store.changeMeeting(
              "norrbotten",
              { kind: "cancelled", meetingId: "preparatory-2022-12-21" },
              actor,
            ),
          )
        ).code,
      ).toBe("conflict");
      expect(
        (
          await storeError(
            store.changeMeeting(
              "norrbotten",
              {
                kind: "added",
                meeting: { id: "committee-2022-12-14", body: "committee", date: "2022-12-15" },
              },
              actor,
            ),
          )
        ).code,
      ).toBe("conflict");
      const bad = await storeError(
        store.changeMeeting(
          "norrbotten",
          {
            kind: "moved",
            meetingId: "committee-2022-12-14",
            to: { date: "2022-12-15", startTime: "15:00", endTime: "14:00" },
          },
          actor,
        ),
      );
      expect(bad.code).toBe("invalid");
      expect(bad.problems[0]?.path).toBe("to.endTime");
      expect(
        (await storeError(store.changeMeeting("norrbotten", { kind: "postponed" } as never, actor))).code,
      ).toBe("invalid");
    });

    it("records attendance, replacing the dataset's figure, and again replacing the recorded one", async () => {
      const meetingId = "preparatory-2022-02-23";
      expect((await store.meeting("norrbotten", meetingId)).attendance).toMatchObject({
        present: 13,
        of: 14,
        counts: "municipalities",
      });
      const first = await store.recordAttendance(
        "norrbotten",
        meetingId,
        { municipalities: ["Kalix", "lulea", "Överkalix"], roles: ["coordinator"] },
        actor,
      );
      expect(first.attendance).toMatchObject({ present: 3, of: 14, counts: "municipalities" });
      expect(first.attendees).toMatchObject({
        municipalities: ["Kalix", "Luleå", "Överkalix"],
        roles: ["coordinator"],
      });
      const second = await store.recordAttendance(
        "norrbotten",
        meetingId,
        { municipalities: ["Piteå"] },
        actor,
      );
      expect(second.attendees?.municipalities).toEqual(["Piteå"]);
      expect((await store.meeting("norrbotten", meetingId)).attendance?.present).toBe(1);
      const [entry] = await store.auditLog({ limit: 1 });
      expect(entry).toMatchObject({
        action: "attendance.record",
        target: `attendance ${meetingId}`,
        before: {
          attendance: { present: 3 },
          attendees: { municipalities: ["Kalix", "Luleå", "Överkalix"] },
        },
        after: { attendance: { present: 1 }, attendees: { municipalities: ["Piteå"] } },
      });
      // The other meetings keep the dataset's attendance.
      expect((await store.meeting("norrbotten", "preparatory-2022-01-26")).attendance?.present).toBe(11);

      const bad = await storeError(
        store.recordAttendance(
          "norrbotten",
          meetingId,
          { municipalities: ["Kalx", "Lund"], roles: ["boss"] },
          actor,
        ),
      );
      expect(bad.code).toBe("invalid");
      expect(bad.problems.map((p) => p.path)).toEqual(["municipalities[0]", "municipalities[1]", "roles[0]"]);
      expect(bad.message).toContain('did you mean "Kalix"');
      expect(
        (await storeError(store.recordAttendance("norrbotten", "nope", { municipalities: [] }, actor))).code,
      ).toBe("not_found");
      expect((await store.meeting("norrbotten", meetingId)).attendees?.municipalities).toEqual(["Piteå"]);
    });
  });

  it("reads the audit log newest first, with a limit and a since", async () => {
    const all = await store.auditLog({ limit: 1000 });
    expect(all.length).toBeGreaterThan(10);
    expect(all.map((a) => a.id)).toEqual([...all.map((a) => a.id)].sort((a, b) => b - a));
    expect(await store.auditLog({ limit: 2 })).toEqual(all.slice(0, 2));
    const at = all[4]?.at ?? "";
    const since = await store.auditLog({ since: at, limit: 1000 });
    expect(since.every((a) => a.at >= at)).toBe(true);
    expect(since.length).toBeGreaterThanOrEqual(5);
    expect(await store.auditLog({ since: "2999-01-01" })).toEqual([]);
    expect(all.every((a) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(a.at))).toBe(true);
    expect((await store.auditLog({ collaborationId: "skanearkiv-kopia" })).map((a) => a.action)).toEqual([
      "dataset.import",
    ]);
    expect((await storeError(store.auditLog({ limit: 0 }))).code).toBe("invalid");
  });

  it("keeps only a hash of each token and verifies tokens by it", async () => {
    const secretary = "s3cret-token-for-the-secretary";
    const reader = "reader-token-0123456789abcdef";
    await store.ensureTokens([
      { name: "sekreterare", role: "secretary", token: secretary },
      { name: "läsare", role: "reader", token: reader },
    ]);
    expect(await store.verifyToken(secretary)).toBe("secretary");
    expect(await store.verifyToken(reader)).toBe("reader");
    expect(await store.verifyToken(`${secretary}x`)).toBeNull();
    expect(await store.verifyToken("")).toBeNull();

    const dump = JSON.stringify(
      await opened.sql.query("SELECT t.*, a.* FROM tokens t FULL JOIN audit_log a ON false"),
    );
    expect(dump).toContain("sekreterare");
    expect(dump).not.toContain(secretary);
    expect(dump).not.toContain(reader);

    // Configuration is idempotent; a changed value replaces the old one; removeOthers revokes the rest.
    const count = (await store.auditLog({ limit: 1000 })).length;
    await store.ensureTokens([
      { name: "sekreterare", role: "secretary", token: secretary },
      { name: "läsare", role: "reader", token: reader },
    ]);
    expect((await store.auditLog({ limit: 1000 })).length).toBe(count);
    await store.ensureTokens(
      [{ name: "sekreterare", role: "secretary", token: "a-brand-new-secretary-token" }],
      {
        removeOthers: true,
      },
    );
    expect(await store.verifyToken(secretary)).toBeNull();
    expect(await store.verifyToken(reader)).toBeNull();
    expect(await store.verifyToken("a-brand-new-secretary-token")).toBe("secretary");

    await store.addToken({ name: "bot", role: "reader", token: "bot-token-0123456789" }, actor);
    expect(
      (await storeError(store.addToken({ name: "bot", role: "reader", token: "another-0123456789" }, actor)))
        .code,
    ).toBe("conflict");
    expect(
      (await storeError(store.addToken({ name: "kort", role: "reader", token: "short" }, actor))).code,
    ).toBe("invalid");
    expect(
      (
        await storeError(
          store.addToken({ name: "x", role: "admin" as never, token: "0123456789abcdefg" }, actor),
        )
      ).code,
    ).toBe("invalid");
    await store.removeToken("bot", actor);
    expect(await store.verifyToken("bot-token-0123456789")).toBeNull();
    expect((await storeError(store.removeToken("bot", actor))).code).toBe("not_found");
  });
});
