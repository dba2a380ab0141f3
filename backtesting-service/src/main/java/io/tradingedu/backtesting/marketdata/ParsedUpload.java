package io.tradingedu.backtesting.marketdata;

import io.tradingedu.backtesting.engine.PriceBar;
import java.util.List;

/**
 * What a file held: valid bars in ascending time order, rejected rows (first {@link CsvBarReader#MAX_REPORTED} of
 * them), how many rows there were, and what the reader understood the file to be.
 */
record ParsedUpload(List<PriceBar> bars, List<RejectedRow> rejected, long rejectedCount, long rowsRead, String format) {
}
