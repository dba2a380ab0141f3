-- api-service filters keyword hits by keyword regardless of case.
CREATE INDEX keyword_hit_keyword_lower ON analysis.keyword_hit (lower(keyword));
