import { membersOn, type Project } from "@samverkan/domain";
import type { ReportTable } from "@samverkan/reports";
import { say, type Turn } from "../draft.js";
import { listing } from "../phrases.js";
import { documentTitled, minutesDocument } from "./decisions-source.js";
import { PHASES } from "./projects-words.js";

/** The project's name in the answer's language. */
export function projectName(turn: Turn, p: Project): string {
  return turn.lang === "sv" ? p.name : p.nameEn;
}

/**
 * "Verksamhetsplan 2022, 004_….txt": the plan the project's description quotes (its phase and time plan
 * are the plan's), with the seed file; without a plan named, the project description in the data.
 */
export function planSource(turn: Turn, p: Project): string {
  const title = /Verksamhetsplan \d{4}/.exec(p.description)?.[0];
  if (!title) return say(turn, "projektbeskrivningen i datat", "the project description in the data");
  const document = documentTitled(turn.dataset, title);
  return document ? `${title}, ${document}` : title;
}

/** "Protokoll § 14 (ärendenr 2022/15-2.2.0.1), juni 2022, 004_….txt": where the status is reported. */
export function statusSource(turn: Turn, p: Project): string {
  const asOf = p.statusAsOf ?? say(turn, "senast kända", "latest known");
  const caseNumber = /\d{4}\/\d+-[\d.]+\d/.exec(asOf)?.[0];
  const decision = turn.dataset.decisions.find((x) => x.caseNumber === caseNumber);
  const document = decision ? minutesDocument(turn.dataset, decision) : undefined;
  return document ? `${asOf}, ${document}` : asOf;
}

/** "införande (i planen: "Realisering/införande")". */
export function phaseText(turn: Turn, p: Project): string {
  const printed = p.phasePrinted
    ? say(turn, ` (i planen: "${p.phasePrinted}")`, ` (printed: "${p.phasePrinted}")`)
    : "";
  return `${PHASES[p.phase][turn.lang]}${printed}`;
}

/** "2017–2022", or undefined when the plan gives no years. */
export function yearsText(p: Project): string | undefined {
  if (p.fromYear === undefined && p.toYear === undefined) return undefined;
  if (p.fromYear === p.toYear) return String(p.fromYear);
  return `${p.fromYear ?? "?"}–${p.toYear ?? "?"}`;
}

/** The status as reported, its lines joined: quoted in Swedish in an English answer. */
export function statusText(turn: Turn, p: Project): string | undefined {
  if (!p.status) return undefined;
  const lines = p.status
    .split("\n")
    .map((l) => l.trim().replace(/\.$/, ""))
    .filter(Boolean);
  return lines.join("; ");
}

/** "Status (Protokoll § 14 …): …." / "Status (…, quoted in Swedish): …." */
export function statusSentence(turn: Turn, p: Project): string {
  const status = statusText(turn, p);
  if (!status)
    return say(
      turn,
      `Datat har ingen statusrapport för ${p.name}.`,
      `The data has no status report for ${p.nameEn}.`,
    );
  return say(
    turn,
    `Status (${statusSource(turn, p)}): ${status}.`,
    `Status (${statusSource(turn, p)}; quoted in Swedish): ${status}.`,
  );
}

/** "Fas: införande (i planen: "Realisering/införande")." */
export function phaseSentence(turn: Turn, p: Project): string {
  return say(turn, `Fas: ${phaseText(turn, p)}.`, `Phase: ${phaseText(turn, p)}.`);
}

/** The time plan's years, and the start or the end when that is what was asked. */
export function timePlanSentence(turn: Turn, p: Project, ask: { start: boolean; end: boolean }): string {
  const years = yearsText(p);
  if (!years) {
    // The plan's Tidplan column can hold words instead of years ("Respektive avtalslängd"): quoted.
    const printed = /tidplan\s+"([^"]+)"/i.exec(p.description)?.[1];
    const quote = printed
      ? say(turn, ` Tidplanen lyder: "${printed}".`, ` The time plan reads (in Swedish): "${printed}".`)
      : "";
    return (
      say(
        turn,
        `Verksamhetsplanen ger ingen tidplan med år för ${p.name}.`,
        `The operational plan gives no time plan in years for ${p.nameEn}.`,
      ) + quote
    );
  }
  const plan = say(
    turn,
    `Tidplan (${planSource(turn, p)}): ${years}.`,
    `Time plan (${planSource(turn, p)}): ${years}.`,
  );
  const ends =
    ask.end && p.toYear !== undefined
      ? say(
          turn,
          ` Enligt tidplanen slutar det ${p.toYear}.`,
          ` According to the time plan it ends in ${p.toYear}.`,
        )
      : "";
  const starts =
    ask.start && p.fromYear !== undefined
      ? say(
          turn,
          ` Enligt tidplanen startade det ${p.fromYear}.`,
          ` According to the time plan it started in ${p.fromYear}.`,
        )
      : "";
  return plan + starts + ends;
}

/** Who takes part: all members, or the municipalities the documents name. */
export function participantsOf(turn: Turn, p: Project): string[] {
  return p.participants === "allMembers"
    ? membersOn(turn.dataset.collaboration, turn.now.date)
    : [...p.participants];
}

export function participantsSentence(turn: Turn, p: Project): string {
  const who = participantsOf(turn, p);
  return p.participants === "allMembers"
    ? say(turn, `Deltar: alla ${who.length} medlemmar.`, `Taking part: all ${who.length} members.`)
    : say(
        turn,
        `Deltar: ${who.length} kommuner (${listing(who, "sv")}).`,
        `Taking part: ${who.length} municipalities (${listing(who, "en")}).`,
      );
}

/** The card's table: one row a project, with its phase, years and status. */
export function projectsTable(turn: Turn, projects: readonly Project[]): ReportTable {
  const text = (t: string) => ({ kind: "text" as const, text: t });
  return {
    columns: [
      { key: "name", label: say(turn, "Projekt", "Project"), kind: "text" },
      { key: "phase", label: say(turn, "Fas", "Phase"), kind: "text" },
      { key: "years", label: say(turn, "Tidplan", "Time plan"), kind: "text" },
      { key: "status", label: say(turn, "Status", "Status (in Swedish)"), kind: "text" },
    ],
    rows: projects.map((p) => ({
      cells: {
        name: text(projectName(turn, p)),
        phase: text(PHASES[p.phase][turn.lang]),
        years: text(yearsText(p) ?? "–"),
        status: text(statusText(turn, p) ?? "–"),
      },
    })),
  };
}
