package io.tradingedu.backtesting.marketdata;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Names this process among the service's instances: it owns the backtest jobs it claims under this name, and its
 * market-data cache listens in a consumer group of its own. Defaults to {@code <host name>-<process id>}, which
 * differs between instances on one machine and between containers; set {@code BACKTESTING_INSTANCE_ID} to choose.
 *
 * @param id this instance's name; at most 100 characters of letters, digits and {@code . _ -}
 */
@ConfigurationProperties("backtesting.instance")
public record InstanceIdentity(String id) {

    public InstanceIdentity {
        id = id == null || id.isBlank() ? ofThisProcess() : id.trim();
        if (!id.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("backtesting.instance.id '" + id
                    + "' must be 1 to 100 letters, digits or . _ - (it names a Kafka consumer group)");
        }
    }

    private static String ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String safe = host.replaceAll("[^A-Za-z0-9._-]", "_");
        return (safe.length() > 80 ? safe.substring(0, 80) : safe) + "-" + ProcessHandle.current().pid();
    }
}
