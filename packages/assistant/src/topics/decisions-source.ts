import type { Dataset, Decision, SourceRef } from "@samverkan/domain";

/**
 * Where the minutes and the plan are printed. Decisions and projects carry no source reference of their
 * own; the dataset's other facts do (cost items, published tables, statements), and those printed in the
 * same document name it: the interim report approved in the minutes' § 16 cites "Protokoll e-nämnden
 * 2022-06-22" with its seed file. The seed file is found through them, never written into the code.
 */

const refsOf = new WeakMap<Dataset, readonly SourceRef[]>();

/** Every source reference the dataset carries, in the order of its files. */
function sourceRefs(d: Dataset): readonly SourceRef[] {
  let refs = refsOf.get(d);
  if (!refs) {
    const found: SourceRef[] = [];
    const walk = (v: unknown): void => {
      if (!v || typeof v !== "object" || v.constructor?.name === "Decimal") return;
      if (Array.isArray(v)) {
        for (const x of v) walk(x);
        return;
      }
      const o = v as Record<string, unknown>;
      if (typeof o.document === "string") found.push(o as unknown as SourceRef);
      for (const x of Object.values(o)) walk(x);
    };
    walk(d);
    refs = found;
    refsOf.set(d, refs);
  }
  return refs;
}

/** The seed document of the minutes a decision is in: a reference titled "Protokoll …" of its meeting day. */
export function minutesDocument(d: Dataset, decision: Pick<Decision, "meetingDate">): string | undefined {
  const minutes = sourceRefs(d).filter((r) => /protokoll/i.test(r.title ?? ""));
  const sameDay = decision.meetingDate
    ? minutes.find((r) => (r.title ?? "").includes(decision.meetingDate as string))
    : undefined;
  return (sameDay ?? minutes[0])?.document;
}

/** The seed document a document title ("Verksamhetsplan 2022") is printed in. */
export function documentTitled(d: Dataset, title: string): string | undefined {
  return sourceRefs(d).find((r) => r.title === title)?.document;
}
