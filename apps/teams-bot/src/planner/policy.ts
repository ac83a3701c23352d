/**
 * When the language model is asked at all. The deterministic assistant always answers first; the
 * model only gets a question the assistant did not understand, and only when one is configured. Every
 * question the assistant understands is answered without the model: configuring one changes none of
 * those answers and sends none of those questions anywhere.
 */
import type { Answer } from "@samverkan/assistant";

export function shouldAskPlanner(deterministic: Pick<Answer, "intent">, plannerConfigured: boolean): boolean {
  return plannerConfigured && deterministic.intent === "unknown";
}
