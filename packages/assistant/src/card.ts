import { answerCard, escapeCardText } from "@samverkan/reports";
import type { Draft } from "./draft.js";
import type { Lang } from "./types.js";

/**
 * The answer as an Adaptive Card for Teams, built by `@samverkan/reports`' `answerCard`: the text,
 * a chart of the table's numbers (when the answer has one), the facts (model, rounding, source), the
 * table, and the follow-ups as `Action.Submit` buttons that
 * send `{ question }` back. The answer text is plain, so it is escaped where Markdown would read it.
 */
export function cardFor(draft: Draft, lang: Lang): Record<string, unknown> {
  const card = answerCard({
    text: escapeCardText(draft.text),
    lang,
    ...(draft.facts?.length ? { facts: draft.facts } : {}),
    ...(draft.table && draft.table.rows.length > 0 ? { table: draft.table } : {}),
    ...(draft.chart ? { chart: draft.chart } : {}),
    followUps: draft.followUps ?? [],
  });
  return card as unknown as Record<string, unknown>;
}
