/** @samverkan/teams-bot — the Teams bot arrives with the bot issue; it will listen here. */
export const BOT_MESSAGES_PATH = "/api/messages";
export const BOT_DEFAULT_PORT = 3978;
