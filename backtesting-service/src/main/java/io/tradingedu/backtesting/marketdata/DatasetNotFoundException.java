package io.tradingedu.backtesting.marketdata;

/** No bars are held for a symbol and timeframe (or none in the asked range). */
public class DatasetNotFoundException extends RuntimeException {

    public DatasetNotFoundException(String message) {
        super(message);
    }
}
