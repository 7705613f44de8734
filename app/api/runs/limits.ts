/** Run requests can name a whole fleet of node IDs (100,000 IDs is about 2.3 MB). */
export const RUN_BODY_LIMIT = 4 * 1024 * 1024;
