import { TOPIC_EXAMPLES } from "@samverkan/assistant";
import { describe, expect, it } from "vitest";
import { run } from "./run.js";

describe("samverkan ask", () => {
  it("--help lists every topic with one example, and each example is answered by that topic", () => {
    const r = run(["ask", "--help"]);
    expect(r.code).toBe(0);
    for (const e of TOPIC_EXAMPLES) {
      expect(r.out).toContain(e.title.sv);
      expect(r.out).toContain(e.question.sv);
      if (e.after) continue;
      const a = JSON.parse(run(["ask", e.question.sv, "--format", "json"]).out);
      expect(a.intent, e.question.sv).toBe(e.intent);
    }
  });

  it("answers in Swedish with the amount, where it is printed, and follow-up questions", () => {
    const r = run(["ask", "Vad betalar Kalix för e-arkiv 2023?"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const lines = r.out.split("\n");
    expect(lines[0]).toMatch(/^Kalix betalar 21 000 kr för E-arkiv 2023\. /);
    expect(lines).toContain("Ursprung:");
    expect(lines).toContain("  Gemensamma tjänster 2023 (004_6c05a2f9a5cc7b0e.txt, rad 2335–2371)");
    expect(lines).toContain("Du kan också fråga:");
  });

  it("answers in English when asked in English, and says a computed amount is computed", () => {
    const r = run(["ask", "what does Kalix pay for the business developer in 2023?"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Kalix pays 67 100 kr \(computed, not published\)/);
    expect(r.out).toContain("Sources:\n  computed: a fixed allocation key");
  });

  it("counts years and meetings from --now (the default is the io's today)", () => {
    expect(run(["ask", "När är nästa sammanträde?", "--now", "2022-11-01"]).out).toMatch(
      /14 december 2022 kl\. 10:00–16:00/,
    );
    expect(run(["ask", "När är nästa sammanträde?"]).out).toMatch(/12 oktober 2022/); // today 2022-09-01
    expect(run(["ask", "Vad betalar Kalix för e-arkiv i år?", "--now", "2023-02-01"]).out).toMatch(
      /E-arkiv 2023/,
    );
  });

  it("--format json prints the whole answer: intent, exact amounts with provenance, and the Adaptive Card", () => {
    const r = run(["ask", "Lunds maximala uttag 2022?", "--format", "json"]);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.intent).toBe("maxWithdrawal");
    expect(a.amounts[0]).toMatchObject({
      municipality: "Lund",
      amount: "2238",
      unit: "tkr",
      provenance: { kind: "published", tableId: "sk_max_uttag_2022" },
    });
    expect(a.card.type).toBe("AdaptiveCard");
  });

  it("asks back on an ambiguous name and lists what exists for an unknown one", () => {
    const clarify = run(["ask", "Vad betalar Över… för e-arkiv 2023?"]);
    expect(clarify.out).toContain("Välj:\n  Överkalix\n  Övertorneå");
    const unknown = run(["ask", "Vad betalar Stockholm för e-arkiv?"]);
    expect(unknown.code).toBe(0);
    expect(unknown.out).toMatch(/^Stockholm finns inte bland kommunerna i datat\./);
  });

  it("takes the question as several words too, and --collaboration as the default collaboration", () => {
    expect(run(["ask", "Vilka", "kommuner", "är", "med?"]).out).toMatch(
      /^Norrbottens e-nämnd har 14 medlemmar/,
    );
    expect(run(["ask", "Vilka kommuner är med?", "--collaboration", "skanearkiv"]).out).toMatch(
      /^SkånEarkiv har 16 medlemmar/,
    );
  });

  it("rejects a missing question, a bad --now or --format with exit code 2 and the usage", () => {
    for (const argv of [
      ["ask"],
      ["ask", "hej", "--now", "igår"],
      ["ask", "hej", "--format", "xml"],
      ["ask", "hej", "--bogus"],
    ]) {
      const r = run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toContain('samverkan ask "FRÅGA"');
    }
    expect(run(["ask", "--help"]).out).toMatch(/^samverkan ask "FRÅGA"/);
  });
});
