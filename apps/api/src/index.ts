/**
 * @samverkan/api — the HTTP API arrives with the API issue. Until then `npm start` runs the CLI's
 * summary of the bundled data (see the root README).
 */
export const API_BASE_PATH = "/v1";
