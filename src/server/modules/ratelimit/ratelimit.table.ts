export interface ApiRateLimitTable {
  key_hash: Buffer;
  window_start: Date;
  hits: number;
}

export interface RateLimitTables {
  api_rate_limit: ApiRateLimitTable;
}
