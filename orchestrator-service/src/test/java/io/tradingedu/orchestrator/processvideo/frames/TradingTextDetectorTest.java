package io.tradingedu.orchestrator.processvideo.frames;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TradingTextDetectorTest {

    private final TradingTextDetector detector = new TradingTextDetector();

    @ParameterizedTest
    @ValueSource(strings = {
            "Buy AAPL when RSI(14) < 30",
            "MACD crossover",
            "EMA20 above SMA200",
            "Bollinger Bands (20, 2)",
            "Price above the 50-day moving average",
            "Watch $TSLA this week",
            "EUR/USD",
            "BTCUSD",
            "Stop loss below 182.40",
            "Take profit at the previous high",
            "Price broke resistance",
            "RSI shows oversold",
            "AAPL 182.45",
            "NVDA: 1,234.50",
            "Closed at 182.45, up 2.5%",
            "AAPL Daily\n190.00\n188.00\n186.00\n184.00\n182.00",
            "50\n40\n30\n20\n10",
            "Buy the stock on support",
            "Entry 4H",
    })
    void flagsTradingText(String text) {
        assertThat(detector.detect(text).tradingText()).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Welcome to the course",
            "WELCOME TO THE COURSE",
            "Welcome to the trading course",
            "Thanks for watching! Subscribe for more",
            "Chapter 2 Getting started",
            "Customer support is available",
            "Ask questions about the market",
            "Version 2.5 released in 2023",
            "SMASHING EMAILS AND MACHINES",
            "AMATEUR AUDITS",
            "Join 1,000 students today",
            "Step 1 Install\nStep 2 Configure\nStep 3 Run",
            "1\n2\n3",
            "Meet me at 10.30 on 12.05.2023",
            "3D printing for beginners",
            "",
    })
    void ignoresOtherText(String text) {
        assertThat(detector.detect(text).tradingText()).as(text).isFalse();
    }

    @Test
    void explainsWhatItFound() {
        var detection = detector.detect("Buy AAPL when RSI(14) < 30");

        assertThat(detection.signals()).contains("indicator RSI", "words buy");
        assertThat(detection.points()).isEqualTo(3);
    }

    @Test
    void axisNeedsEvenlySteppedNumbers() {
        assertThat(TradingTextDetector.axis("190.00\n188.00\n186.00\n184.00")).isEqualTo("190.0..184.0");
        assertThat(TradingTextDetector.axis("190.00\n120.00\n186.00\n3.00")).isNull();
        assertThat(TradingTextDetector.axis("7\n7\n7\n7")).isNull();
    }

    @Test
    void nullTextIsNotTradingText() {
        assertThat(detector.isTradingText(null)).isFalse();
    }
}
