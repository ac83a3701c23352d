/**
 * What the secretary records from Teams, in the store: roles granted to Teams users (audited, idempotent),
 * decisions recorded against a meeting (never over the published minutes), writes with an idempotency key
 * made once, and the dataset as it stands (moves, attendance, recorded decisions) for every reader.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StoreError } from "../src/index.js";
import { BACKENDS, type Opened } from "./backends.js";

const SECRETARY = "6f1c2a4e-0b7d-4c55-9a3e-1d2f3b4c5d6e";
const MEMBER = "0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d";

describe.each(BACKENDS)("the secretary's records on $name", (backend) => {
  let opened: Opened;
  beforeAll(async () => {
    opened = await backend.open();
  });
  afterAll(() => opened.dispose());

  it("grants the secretary role once, case-blind, audited, and revokes it", async () => {
    const { store } = opened;
    expect(await store.hasRole("norrbotten", SECRETARY, "secretary")).toBe(false);
    const grant = await store.grantRole(
      "norrbotten",
      { aadObjectId: SECRETARY.toUpperCase(), role: "secretary" },
      { actor: "cli" },
    );
    expect(grant).toMatchObject({ collaborationId: "norrbotten", aadObjectId: SECRETARY, role: "secretary" });
    await store.grantRole("norrbotten", { aadObjectId: SECRETARY, role: "secretary" }, { actor: "cli" });
    expect(await store.hasRole("norrbotten", SECRETARY.toUpperCase(), "secretary")).toBe(true);
    expect(await store.hasRole("skanearkiv", SECRETARY, "secretary")).toBe(false);
    expect(await store.hasRole("norrbotten", MEMBER, "secretary")).toBe(false);
    expect(await store.hasRole("norrbotten", "not-an-id", "secretary")).toBe(false);
    const audit = (await store.auditLog({ collaborationId: "norrbotten" })).filter(
      (e) => e.action === "role.grant",
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "cli", target: `secretary ${SECRETARY}`, before: null });

    await store.grantRole("norrbotten", { aadObjectId: MEMBER, role: "secretary" }, { actor: "cli" });
    await store.revokeRole("norrbotten", { aadObjectId: MEMBER, role: "secretary" }, { actor: "cli" });
    expect((await store.roles("norrbotten")).map((r) => r.aadObjectId)).toEqual([SECRETARY]);
    await expect(
      store.revokeRole("norrbotten", { aadObjectId: MEMBER, role: "secretary" }, { actor: "cli" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await store.auditLog()).map((e) => e.action)).toContain("role.revoke");
  });

  it("refuses a malformed object id, an unknown role and an unknown collaboration, writing nothing", async () => {
    const { store } = opened;
    const before = (await store.auditLog({ limit: 1000 })).length;
    await expect(
      store.grantRole("norrbotten", { aadObjectId: "kalle", role: "secretary" }, { actor: "cli" }),
    ).rejects.toThrow(/Azure AD object id/);
    await expect(
      store.grantRole(
        "norrbotten",
        { aadObjectId: SECRETARY, role: "chair" as "secretary" },
        { actor: "cli" },
      ),
    ).rejects.toThrow(/secretary/);
    await expect(
      store.grantRole("nowhere", { aadObjectId: SECRETARY, role: "secretary" }, { actor: "cli" }),
    ).rejects.toMatchObject({ code: "not_found" });
    expect((await store.auditLog({ limit: 1000 })).length).toBe(before);
  });

  it("records attendance once per idempotency key, however often it is sent", async () => {
    const { store } = opened;
    const input = { municipalities: ["Kalix", "Luleå", "Piteå"] };
    const options = { actor: "teams:secretary", idempotencyKey: "card-attendance-0001" };
    const first = await store.recordAttendance("norrbotten", "committee-2022-03-16", input, options);
    const second = await store.recordAttendance(
      "norrbotten",
      "committee-2022-03-16",
      { municipalities: ["Kalix"] },
      options,
    );
    expect(first.attendance?.present).toBe(3);
    expect(second.attendance?.present).toBe(3);
    const writes = (await store.auditLog({ limit: 1000 })).filter(
      (e) => e.action === "attendance.record" && e.target === "attendance committee-2022-03-16",
    );
    expect(writes).toHaveLength(1);
    await expect(
      store.recordAttendance("norrbotten", "committee-2022-03-16", input, {
        actor: "x",
        idempotencyKey: "short",
      }),
    ).rejects.toThrow(/idempotency key/);
  });

  it("moves a meeting once per key and counts its sequence; attendance does not raise it", async () => {
    const { store } = opened;
    const planned = await store.meeting("norrbotten", "committee-2022-12-14");
    expect(planned.sequence).toBe(0);
    const move = {
      kind: "moved" as const,
      meetingId: "committee-2022-12-14",
      to: { date: "2022-12-15", startTime: "09:00", endTime: "12:00" },
    };
    const options = { actor: "teams:secretary", idempotencyKey: "card-move-000000001" };
    await store.changeMeeting("norrbotten", move, options);
    const again = await store.changeMeeting("norrbotten", move, options);
    expect(again).toMatchObject({ date: "2022-12-15", status: "moved", sequence: 1 });
    expect(again.scheduleChangedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await store.recordAttendance(
      "norrbotten",
      "committee-2022-12-14",
      { municipalities: ["Kalix"] },
      {
        actor: "teams:secretary",
      },
    );
    expect((await store.meeting("norrbotten", "committee-2022-12-14")).sequence).toBe(1);
    await store.changeMeeting(
      "norrbotten",
      { kind: "cancelled", meetingId: "committee-2022-12-14" },
      {
        actor: "teams:secretary",
      },
    );
    expect(await store.meeting("norrbotten", "committee-2022-12-14")).toMatchObject({
      status: "cancelled",
      sequence: 2,
    });
  });

  it("records a decision against a meeting, corrects it, and never over the published minutes", async () => {
    const { store } = opened;
    const meetingId = "committee-2022-10-12";
    const saved = await store.recordDecision(
      "norrbotten",
      meetingId,
      { paragraph: 40, subject: "Sammanträdesplan 2023", decision: "Nämnden fastställer planen." },
      { actor: "teams:secretary", idempotencyKey: "card-decision-00001" },
    );
    expect(saved).toMatchObject({
      paragraph: 40,
      meetingId,
      meetingDate: "2022-10-12",
      title: "Sammanträdesplan 2023",
      source: expect.stringMatching(/^Registrerat av sekreteraren \d{4}-\d{2}-\d{2}$/),
    });
    expect(saved.caseNumber).toBeUndefined();
    // The same card again: no second write.
    await store.recordDecision(
      "norrbotten",
      meetingId,
      { paragraph: 40, subject: "Annat", decision: "Annat." },
      { actor: "teams:secretary", idempotencyKey: "card-decision-00001" },
    );
    const corrected = await store.recordDecision(
      "norrbotten",
      meetingId,
      {
        paragraph: 40,
        subject: "Sammanträdesplan 2023",
        decision: "Nämnden fastställer planen med ändring.",
        caseNumber: "2022/40-1.1",
      },
      { actor: "teams:secretary" },
    );
    expect(corrected.decision).toBe("Nämnden fastställer planen med ändring.");
    const register = await store.decisions("norrbotten");
    expect(register.filter((d) => d.meetingId === meetingId && d.paragraph === 40)).toEqual([corrected]);
    const audit = (await store.auditLog({ limit: 1000 })).filter((e) => e.action === "decision.record");
    expect(audit).toHaveLength(2);

    const minuted = (await store.dataset("norrbotten")).decisions.find((d) => d.meetingDate !== undefined);
    expect(minuted).toBeDefined();
    const meeting = (await store.meetings("norrbotten")).find((m) => m.date === minuted?.meetingDate);
    if (!minuted || !meeting) throw new Error("the bundled minutes have a dated decision");
    await expect(
      store.recordDecision(
        "norrbotten",
        meeting.id,
        { paragraph: minuted.paragraph, subject: "x", decision: "y" },
        { actor: "teams:secretary" },
      ),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("published minutes") });
    await expect(
      store.recordDecision(
        "norrbotten",
        meetingId,
        { paragraph: 0, subject: "", decision: "" },
        { actor: "x" },
      ),
    ).rejects.toBeInstanceOf(StoreError);
  });

  it("refuses text with a NUL character as the input's fault, in a column or inside JSON, saving nothing", async () => {
    const { store } = opened;
    const before = (await store.auditLog({ limit: 1000 })).length;
    const decisions = (await store.decisions("norrbotten")).length;
    const nul = String.fromCharCode(0);
    await expect(
      store.recordDecision(
        "norrbotten",
        "committee-2022-10-12",
        { paragraph: 41, subject: `Plan${nul}`, decision: "Nämnden beslutar." },
        { actor: "teams:secretary" },
      ),
    ).rejects.toMatchObject({ name: "StoreError", code: "invalid", message: /NUL character \(U\+0000\)/ });
    await expect(
      store.changeMeeting(
        "norrbotten",
        { kind: "cancelled", meetingId: "committee-2022-10-12", reason: `Sjukdom${nul}` },
        { actor: "teams:secretary" },
      ),
    ).rejects.toMatchObject({ code: "invalid" });
    await expect(store.auditLog({ collaborationId: `norr${nul}botten` })).rejects.toMatchObject({
      code: "invalid",
    });
    expect((await store.decisions("norrbotten")).length).toBe(decisions);
    expect((await store.auditLog({ limit: 1000 })).length).toBe(before);
    expect(await store.meeting("norrbotten", "committee-2022-10-12")).toMatchObject({ status: "planned" });
  });

  it("gives the dataset as it stands, the same object while nothing changes", async () => {
    const { store } = opened;
    const current = await store.currentDataset("norrbotten");
    expect(await store.currentDataset("norrbotten")).toBe(current);
    const march = current.meetings.find((m) => m.id === "committee-2022-03-16");
    expect(march?.attendance).toMatchObject({ present: 3, counts: "members" });
    expect(current.decisions.some((d) => d.source?.startsWith("Registrerat"))).toBe(true);
    // The dataset itself is untouched: the minutes' figure is still there.
    const base = await store.dataset("norrbotten");
    expect(base.meetings.find((m) => m.id === "committee-2022-03-16")?.attendance?.counts).not.toBe(
      "municipalities",
    );
    await store.recordAttendance(
      "norrbotten",
      "committee-2022-03-16",
      { municipalities: ["Kalix"] },
      {
        actor: "cli",
      },
    );
    const after = await store.currentDataset("norrbotten");
    expect(after).not.toBe(current);
    expect(after.meetings.find((m) => m.id === "committee-2022-03-16")?.attendance?.present).toBe(1);
    expect((await store.currentDatasets()).map((d) => d.collaboration.id).sort()).toEqual([
      "norrbotten",
      "skanearkiv",
    ]);
  });
});
