package io.tradingedu.support.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whose forwarded headers the service believes ({@code trusted.proxies}, env {@code TRUSTED_PROXIES}: a comma
 * separated list of addresses and CIDR ranges). Loopback only by default: the local stack has no proxy, and a proxy
 * on the same host is loopback. Behind nginx in compose it is nginx's address.
 */
@ConfigurationProperties("trusted")
record TrustedProxiesProperties(@DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> proxies) {
}
