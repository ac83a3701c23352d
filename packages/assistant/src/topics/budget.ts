import type { Topic } from "./topic.js";
import { notUnderstood } from "../intents/conversation.js";

// Placeholders while the topics are built: claim nothing.
export const budgetTopic: Topic = { id: "budget", claims: () => false, answer: notUnderstood };
export const outcomeTopic: Topic = { id: "outcome", claims: () => false, answer: notUnderstood };
