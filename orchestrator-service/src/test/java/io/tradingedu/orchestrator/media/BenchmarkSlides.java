package io.tradingedu.orchestrator.media;

import io.tradingedu.orchestrator.media.TestLessons.Slide;
import java.util.List;

/**
 * A swing-trading lesson of 44 slides, each narrated for 15-20 s (about 50 words at the Festival voice's pace), so
 * the whole lesson runs about ten minutes. The narration spells acronyms the way a teacher says them ("R S I").
 */
final class BenchmarkSlides {

    private BenchmarkSlides() {
    }

    static final List<Slide> ALL = List.of(
            new Slide("Swing Trading Course - Lesson 1", "Indicators, entries, exits and risk",
                    "Welcome to the swing trading course. In the next ten minutes we build a complete trading plan. "
                            + "We look at the trend, at three indicators, at chart patterns, and at how much to "
                            + "risk on every trade. At the end you will have rules you can backtest."),
            new Slide("Step 1: the trend", "Trade long only above the SMA(200)",
                    "The first rule is about the trend. We only buy a stock when its price is above the two hundred "
                            + "day simple moving average. Below that line the market is in a downtrend, and buying "
                            + "there means fighting the big money. Stay in cash instead."),
            new Slide("SMA(50) vs EMA(20)", "The EMA reacts faster to new prices",
                    "A simple moving average gives every day the same weight. An exponential moving average gives "
                            + "recent days more weight, so the twenty day E M A turns earlier than the fifty day "
                            + "S M A. We use the fast one for timing and the slow one for the trend."),
            new Slide("Golden cross: SMA(50) crosses above SMA(200)", "A long-term buy signal",
                    "When the fifty day moving average crosses above the two hundred day moving average, traders "
                            + "call it a golden cross. It often marks the start of a long uptrend. On the S and P "
                            + "five hundred it has been a good filter for staying invested."),
            new Slide("Death cross: SMA(50) crosses below SMA(200)", "Close longs, reduce exposure",
                    "The opposite signal is the death cross. The fifty day average falls below the two hundred day "
                            + "average. We close our long positions and reduce exposure. The signal is late, but it "
                            + "keeps us out of the worst part of a bear market."),
            new Slide("RSI(14): relative strength index", "Oversold below 30, overbought above 70",
                    "The relative strength index measures the speed of price changes. We use a fourteen day period. "
                            + "An R S I below thirty means the stock is oversold, and above seventy it is "
                            + "overbought. In an uptrend oversold readings are buying opportunities."),
            new Slide("Entry: RSI(14) < 30 and price > SMA(200)", "Buy the dip in an uptrend",
                    "Here is our first entry rule. Buy when the fourteen day R S I drops below thirty while the "
                            + "price is still above the two hundred day moving average. We buy a short term dip "
                            + "inside a long term uptrend, which is a classic mean reversion setup."),
            new Slide("Exit: RSI(14) crosses above 70", "Or after 20 bars at most",
                    "We exit when the R S I crosses back above seventy, because the dip has been bought and the "
                            + "stock is now overbought. If that never happens, we sell after twenty bars. A time "
                            + "stop frees the money for the next trade."),
            new Slide("MACD(12, 26, 9)", "Momentum: the MACD line and the signal line",
                    "The next indicator is the M A C D. It is the difference between the twelve day and the twenty "
                            + "six day exponential moving averages. The nine day average of that line is the "
                            + "signal line. Together they show momentum."),
            new Slide("MACD crossover", "Buy when the MACD crosses above the signal line",
                    "A bullish signal appears when the M A C D line crosses above the signal line. We only take it "
                            + "when the price is above the two hundred day moving average. A cross below the signal "
                            + "line is our signal to sell."),
            new Slide("MACD histogram divergence", "Price makes a lower low, the histogram does not",
                    "Watch the histogram for divergence. When the price makes a lower low but the histogram makes "
                            + "a higher low, selling pressure is fading. This bullish divergence often comes before "
                            + "a reversal, so we prepare a buy order."),
            new Slide("Bollinger Bands (20, 2)", "SMA(20) plus and minus two standard deviations",
                    "Bollinger bands put an envelope around the twenty day moving average, two standard deviations "
                            + "above and below it. When the price touches the lower band in an uptrend, the stock "
                            + "is stretched and tends to return to the middle band."),
            new Slide("Bollinger squeeze", "Narrow bands come before a breakout",
                    "When the bands get very narrow, volatility is low. Traders call this a squeeze. Low "
                            + "volatility does not last, and a big move usually follows. We buy the breakout above "
                            + "the upper band if volume confirms it."),
            new Slide("Support and resistance", "Support 182.00, resistance 195.50",
                    "Support is a price level where buyers stepped in before. Resistance is a level where sellers "
                            + "took over. On this Apple chart support is at one hundred eighty two dollars and "
                            + "resistance at one hundred ninety five dollars fifty."),
            new Slide("Breakout with volume", "Close above resistance on 1.5x average volume",
                    "A breakout is real when the stock closes above resistance on high volume. We want at least one "
                            + "and a half times the average daily volume. A breakout on low volume often fails and "
                            + "falls back into the range."),
            new Slide("Candlesticks: the hammer", "Long lower wick at support",
                    "Candlestick patterns show the fight between buyers and sellers. A hammer has a small body and "
                            + "a long lower wick. Sellers pushed the price down, but buyers took it back. A hammer "
                            + "at support is a bullish signal."),
            new Slide("Bullish engulfing pattern", "A green candle engulfs the red one",
                    "The bullish engulfing pattern is two candles. A red candle is followed by a bigger green candle "
                            + "whose body covers the whole red body. It shows that buyers took control. We enter "
                            + "above the high of the green candle."),
            new Slide("Double bottom", "Entry above the neckline",
                    "A double bottom forms when the price tests the same support twice and holds. The high between "
                            + "the two lows is the neckline. We buy when the price closes above the neckline, with "
                            + "a stop loss below the second low."),
            new Slide("Head and shoulders", "A bearish reversal pattern",
                    "The head and shoulders pattern has three peaks, the middle one the highest. When the price "
                            + "breaks the neckline below the shoulders, the uptrend is over. We do not buy stocks "
                            + "that show this pattern."),
            new Slide("Stop loss: 2 x ATR(14)", "Give the trade room to breathe",
                    "Every trade needs a stop loss. We place it two times the average true range below the entry. "
                            + "The fourteen day A T R measures how much the stock normally moves, so the stop "
                            + "sits outside the normal noise."),
            new Slide("Position sizing: risk 1% per trade", "Shares = 1% of equity / stop distance",
                    "Position sizing decides how many shares to buy. We risk one percent of our account on every "
                            + "trade. Divide that amount by the distance between the entry and the stop loss, and "
                            + "you get the number of shares."),
            new Slide("Risk reward: aim for 2R", "Take profit at two times the risk",
                    "The risk of a trade is the distance to the stop, and we call it one R. We take profit at two R. "
                            + "With a two to one risk reward ratio we can be wrong more than half the time and "
                            + "still make money."),
            new Slide("Trailing stop", "Move the stop to break even at 1R",
                    "Once the trade gains one R, we move the stop loss to the entry price. From then on the trade "
                            + "cannot lose. After that we trail the stop below the twenty day moving average and "
                            + "let the winner run."),
            new Slide("Timeframes: Daily and 4H", "Trend on the daily chart, entry on the 4H",
                    "We use two timeframes. The daily chart tells us the trend and the levels. The four hour chart "
                            + "gives us a precise entry. Never take a trade on the short timeframe against the trend "
                            + "of the long one."),
            new Slide("Stochastic oscillator (14, 3)", "Oversold below 20",
                    "The stochastic oscillator compares the close with the range of the last fourteen days. Below "
                            + "twenty the stock is oversold, above eighty overbought. It is faster than the R S I, "
                            + "so we use it only as a confirmation."),
            new Slide("VWAP for intraday entries", "Buy pullbacks to the VWAP",
                    "The volume weighted average price is the average price paid today, weighted by volume. Big "
                            + "funds use it as a benchmark. On the intraday chart we buy pullbacks to the V W A P "
                            + "when the daily trend is up."),
            new Slide("Fibonacci retracement", "Buy zone between 50% and 61.8%",
                    "After a strong move up, the price often pulls back before it continues. The Fibonacci "
                            + "retracement levels of fifty and sixty one point eight percent mark a common buy "
                            + "zone. We look for a hammer or an engulfing candle there."),
            new Slide("Example: AAPL daily", "Entry 184.20, stop 179.80, target 193.00",
                    "Let us look at an example trade on Apple. The price is above the two hundred day average and "
                            + "the R S I dropped to twenty eight. We buy at one hundred eighty four dollars twenty, "
                            + "with a stop loss at one hundred seventy nine eighty."),
            new Slide("Example: MSFT breakout", "Resistance 420.00 broken on 2x volume",
                    "Our second example is Microsoft. After a Bollinger squeeze the stock closed above resistance "
                            + "at four hundred twenty dollars on twice the average volume. We bought the breakout "
                            + "and placed the stop two A T R below the entry."),
            new Slide("Example: EUR/USD 4H", "MACD bullish divergence at 1.0650",
                    "The rules work on currencies too. On the four hour chart of the euro against the dollar, the "
                            + "price made a lower low while the M A C D histogram made a higher low. We went long "
                            + "with a target at two R."),
            new Slide("Example: BTC/USDT", "Golden cross on the daily chart",
                    "Crypto is more volatile, so we halve the position size. Here bitcoin shows a golden cross on "
                            + "the daily chart. We risk half a percent of the account and keep a trailing stop "
                            + "below the fifty day moving average."),
            new Slide("Backtest the rules", "Ten years of daily bars, 500 stocks",
                    "Before trading real money we backtest the rules. We test ten years of daily data on five "
                            + "hundred stocks, with commissions and slippage. A rule that only works on one stock "
                            + "is probably an accident of the data."),
            new Slide("Drawdown and expectancy", "Max drawdown 18%, expectancy 0.35R",
                    "The backtest shows a maximum drawdown of eighteen percent and an expectancy of zero point "
                            + "three five R per trade. The win rate is forty six percent. Expectancy matters more "
                            + "than the win rate."),
            new Slide("Common mistakes", "Moving the stop, oversizing, revenge trading",
                    "The most common mistakes are moving the stop loss further away, risking too much on one trade, "
                            + "and revenge trading after a loss. Each of them can destroy an account that has a "
                            + "good strategy. Follow your plan."),
            new Slide("Volume profile", "Point of control at 188.40",
                    "The volume profile shows how much was traded at each price. The price with the most volume is "
                            + "the point of control. It acts like a magnet, and it often becomes support or "
                            + "resistance when the price comes back to it."),
            new Slide("Gaps: gap up at the open", "Wait 30 minutes before entering",
                    "A gap happens when the stock opens far above or below the last close, often after earnings. "
                            + "The first half hour after the open is very volatile. We wait thirty minutes and buy "
                            + "only if the gap holds above the previous high."),
            new Slide("Earnings season", "No new positions 3 days before earnings",
                    "Earnings reports can move a stock ten percent overnight, and no stop loss protects you from a "
                            + "gap. We do not open new positions in the three days before a company reports. "
                            + "Existing winners can stay with a tighter stop."),
            new Slide("Market breadth", "Percent of stocks above their SMA(50)",
                    "Market breadth tells us how many stocks take part in a move. When fewer than thirty percent of "
                            + "stocks trade above their fifty day average, the market is weak, and we cut the size "
                            + "of new positions in half."),
            new Slide("Sector rotation", "Buy the strongest sector ETF",
                    "Money flows from one sector to the next. We compare the relative strength of the sector funds "
                            + "over three months and trade stocks from the two strongest sectors. Strong stocks in "
                            + "strong sectors give the best results."),
            new Slide("Trading journal", "Entry, exit, R multiple, mistakes",
                    "Write every trade in a journal. Note the setup, the entry, the stop, the exit, and the result "
                            + "in R. Also note how you felt and which rule you broke. After fifty trades the journal "
                            + "shows you what to improve."),
            new Slide("Win rate vs payoff", "46% winners, average win 2.1R",
                    "A strategy with a win rate of forty six percent can still be very profitable. Our average "
                            + "winner is two point one R and our average loser is one R. The payoff ratio makes up "
                            + "for the losing trades."),
            new Slide("Overfitting", "Test on data the rules have never seen",
                    "The biggest danger in backtesting is overfitting. If you tune ten parameters on the same data, "
                            + "the rules will fit the past perfectly and fail tomorrow. Keep the last two years of "
                            + "data aside and test on them only once."),
            new Slide("Paper trading first", "Trade the plan for one month without money",
                    "Before you risk real money, trade the plan on paper for a month. You will see whether you can "
                            + "follow the rules in real time, when the chart moves and the news is loud. Then start "
                            + "with a small account."),
            new Slide("Summary and homework", "Trend, trigger, stop, size, target",
                    "To sum up, check the trend, wait for the trigger, place the stop, size the position and set "
                            + "the target. Your homework is to backtest the R S I rule on ten stocks and write down "
                            + "the drawdown and the expectancy."));
}
