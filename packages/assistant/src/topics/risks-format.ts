import type { Risk } from "@samverkan/domain";
import type { ReportCell, ReportTable } from "@samverkan/reports";
import { say, type Turn } from "../draft.js";
import { compactKey } from "../text.js";

/** How the internal-control plan's rows read in an answer: scores, decisions, roles and the table. */

/** "3 × 3 = 9": the risk value with its working (likelihood × consequence). */
export function scoreText(r: Risk): string {
  return `${r.likelihood} × ${r.consequence} = ${r.riskValue}`;
}

/** "hanteras via internkontroll" / "accepteras", as the plan's Beslut column prints it. */
export function decisionText(turn: Turn, d: Risk["decision"]): string {
  return d === "internalControl"
    ? say(turn, "hanteras via internkontroll", "handled by internal control")
    : say(turn, "accepteras", "accepted");
}

/** The plan leaves a cell empty where the data says "ej angivet" (not stated). */
function notStated(s: string): boolean {
  return compactKey(s) === "ejangivet";
}

/**
 * The responsible role in the answer's language: in English the collaboration's role of that title
 * ("samordnare" is the E-samordnare: "Coordinator"), else the plan's words, quoted as printed.
 */
export function responsibleText(turn: Turn, r: Risk): string {
  if (notStated(r.responsible)) return say(turn, "ej angivet i planen", "not stated in the plan");
  if (turn.lang === "sv") return r.responsible;
  const key = compactKey(r.responsible);
  const role = turn.dataset.collaboration.roles.find((x) => compactKey(x.title).endsWith(key));
  return role ? `${role.titleEn} ("${r.responsible}")` : `"${r.responsible}" (as printed)`;
}

/** The method (metod), its lines joined; quoted in English, where it stays in Swedish. */
export function methodText(turn: Turn, r: Risk): string {
  if (notStated(r.method)) return say(turn, "ej angivet i planen", "not stated in the plan");
  const m = r.method.split(/\s*\n\s*/).join("; ");
  return turn.lang === "sv" ? m : `"${m}"`;
}

/** The control point (kontrollmoment) in the answer's language, as printed. */
export function controlPointText(turn: Turn, r: Risk): string {
  return turn.lang === "sv" ? r.controlPoint : r.controlPointEn;
}

const text = (t: string): ReportCell => ({ kind: "text", text: t });
const number = (n: number): ReportCell => ({ kind: "number", value: String(n) });

/** One row per risk, highest risk value first, with the plan's columns. */
export function risksTable(turn: Turn, risks: readonly Risk[], withYear: boolean): ReportTable {
  return {
    columns: [
      ...(withYear ? [{ key: "year", label: say(turn, "År", "Year"), kind: "number" as const }] : []),
      // The card shows the first four columns: what the risk is, its value, the decision and who.
      { key: "controlPoint", label: say(turn, "Kontrollmoment", "Control point"), kind: "text" },
      { key: "riskValue", label: say(turn, "Riskvärde", "Risk value"), kind: "number" },
      { key: "decision", label: say(turn, "Beslut", "Decision"), kind: "text" },
      { key: "responsible", label: say(turn, "Ansvarig", "Responsible"), kind: "text" },
      { key: "likelihood", label: say(turn, "Sannolikhet", "Likelihood"), kind: "number" },
      { key: "consequence", label: say(turn, "Konsekvens", "Consequence"), kind: "number" },
      { key: "method", label: say(turn, "Metod", "Method"), kind: "text" },
    ],
    rows: risks.map((r) => ({
      cells: {
        ...(withYear ? { year: number(r.year) } : {}),
        controlPoint: text(controlPointText(turn, r)),
        likelihood: number(r.likelihood),
        consequence: number(r.consequence),
        riskValue: number(r.riskValue),
        decision: text(decisionText(turn, r.decision)),
        responsible: text(responsibleText(turn, r)),
        method: text(methodText(turn, r)),
      },
    })),
  };
}
