import type { Topic } from "./topic.js";
import { notUnderstood } from "../intents/conversation.js";

// Placeholder while the topic is built: claims nothing.
export const risksTopic: Topic = { id: "risks", claims: () => false, answer: notUnderstood };
