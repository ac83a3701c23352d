/**
 * Which meeting a secretary's command opens the card for. The date the secretary wrote decides, with its
 * year — on any day of the calendar, not only in the year it names — and a command that names a period
 * with several meetings, or two dates, is asked back instead of opening another meeting's card.
 */
import { describe, expect, it } from "vitest";
import { loadBundledDataset } from "@samverkan/data";
import { meetingFor, parseSecretaryCommand } from "../src/secretary/commands.js";

const norrbotten = loadBundledDataset("norrbotten");

function choose(text: string, today: string) {
  const command = parseSecretaryCommand(text);
  if (!command) throw new Error(`not a secretary command: ${text}`);
  const found = meetingFor(norrbotten, command, today);
  return "meeting" in found ? found.meeting.id : found;
}

describe("the meeting a secretary's command is about", () => {
  it("takes the year written in the command, whatever today is", () => {
    // The walkthrough's command, typed years later.
    expect(choose("registrera närvaro 16 mars 2022", "2026-12-04")).toBe("committee-2022-03-16");
    expect(choose("Record attendance 16 March 2022", "2026-12-04")).toBe("committee-2022-03-16");
    expect(choose("registrera närvaro 2022-03-16", "2026-12-04")).toBe("committee-2022-03-16");
    expect(choose("registrera beslut 16 mars 2022", "2023-01-10")).toBe("committee-2022-03-16");
  });

  it("reads a date without a year as this year's", () => {
    expect(choose("registrera närvaro 16 mars", "2022-05-01")).toBe("committee-2022-03-16");
    expect(choose("registrera närvaro 16 mars", "2026-12-04")).toEqual({
      missing: "2026-03-16",
      closest: ["2022-11-23", "2022-12-14", "2022-12-21"],
    });
  });

  it("names the closest meetings when there is none on the date", () => {
    expect(choose("registrera närvaro 1 mars 2022", "2026-12-04")).toEqual({
      missing: "2022-03-01",
      closest: ["2022-02-23", "2022-03-16", "2022-03-23"],
    });
  });

  it("asks which, when a month or year holds several meetings, and opens the only one when it holds one", () => {
    expect(choose("registrera närvaro mars 2022", "2026-12-04")).toEqual({
      unclear: "2022-03",
      candidates: ["2022-03-16", "2022-03-23"],
    });
    expect(choose("registrera närvaro april 2022", "2026-12-04")).toBe(
      norrbotten.meetings.find((m) => m.date === "2022-04-27")?.id,
    );
    const year = choose("registrera närvaro 2022", "2026-12-04");
    expect(year).toMatchObject({ unclear: "2022" });
    expect(typeof year === "object" && "candidates" in year && year.candidates).toHaveLength(15);
  });

  it("does not pick one of two dates or years", () => {
    expect(choose("registrera närvaro 16 mars 2022 och 23 mars 2022", "2026-12-04")).toMatchObject({
      candidates: [],
    });
    expect(choose("registrera närvaro 16 mars 2022 2023", "2026-12-04")).toMatchObject({ candidates: [] });
  });

  it("without a date: the latest meeting so far for attendance, the next one for a move", () => {
    expect(choose("registrera närvaro", "2022-03-17")).toBe("committee-2022-03-16");
    expect(choose("flytta sammanträdet", "2022-03-17")).toBe(
      norrbotten.meetings.find((m) => m.date === "2022-03-23")?.id,
    );
  });
});
