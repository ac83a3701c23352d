export { answer, DEFAULT_COLLABORATION } from "./answer.js";
export type {
  Answer,
  AnswerAmount,
  AnswerMeeting,
  AmountProvenance,
  AmountRole,
  AssistantContext,
  ConversationTurn,
  Intent,
  Lang,
} from "./types.js";
export { parseQuestion, type ParsedQuestion } from "./parse.js";
export { examples } from "./intents/conversation.js";
export { exampleLines, TOPIC_EXAMPLES, type TopicExample } from "./examples.js";
export { INTENTS } from "./intents-list.js";
export { asConversationTurn } from "./conversation-turn.js";
export { TOPICS, type Topic, type TopicId, type TopicWords } from "./topics/index.js";
