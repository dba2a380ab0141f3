package io.tradingedu.backtesting.marketdata;

/** A CSV body larger than the configured upload limit. */
public class UploadTooLargeException extends RuntimeException {

    public UploadTooLargeException(long limit) {
        super("the upload is larger than the limit of " + limit + " bytes (MARKET_DATA_MAX_UPLOAD)");
    }
}
