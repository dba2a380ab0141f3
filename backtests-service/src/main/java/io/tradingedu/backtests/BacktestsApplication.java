package io.tradingedu.backtests;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BacktestsApplication {

    public static void main(String[] args) {
        SpringApplication.run(BacktestsApplication.class, args);
    }
}
