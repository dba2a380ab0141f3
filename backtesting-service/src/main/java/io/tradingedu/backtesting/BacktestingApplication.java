package io.tradingedu.backtesting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BacktestingApplication {

    public static void main(String[] args) {
        SpringApplication.run(BacktestingApplication.class, args);
    }
}
