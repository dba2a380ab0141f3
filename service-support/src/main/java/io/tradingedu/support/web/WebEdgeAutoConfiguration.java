package io.tradingedu.support.web;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.boot.web.server.autoconfigure.servlet.ForwardedHeaderFilterCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.ForwardedHeaderFilter;

/**
 * What every service does at its edge, before a request reaches a controller: forwarded headers believed only from
 * {@link TrustedProxiesProperties trusted proxies}, and {@link RequestLimitsProperties body limits} per endpoint.
 * Runs before the web server's auto-configuration so that Boot's own {@link ForwardedHeaderFilter} (registered when
 * {@code server.forward-headers-strategy=framework}) steps back for the trusting one.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
        "org.springframework.boot.jetty.autoconfigure.servlet.JettyServletWebServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({TrustedProxiesProperties.class, RequestLimitsProperties.class})
public class WebEdgeAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WebEdgeAutoConfiguration.class);

    /** Where Boot puts its forwarded-header filter: first, so that everything after sees the client's view. */
    static final int FORWARDED_HEADERS_ORDER = Ordered.HIGHEST_PRECEDENCE;

    /** Right after: limits match the path within the application, with or without a forwarded prefix. */
    static final int BODY_LIMIT_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    private static final String MULTIPART_MAX_REQUEST_SIZE = "spring.servlet.multipart.max-request-size";
    private static final DataSize DEFAULT_MULTIPART_MAX_REQUEST_SIZE = DataSize.ofMegabytes(10);

    // typed as Boot's own registration so that its @ConditionalOnMissingFilterBean(ForwardedHeaderFilter) sees it
    @Bean
    @ConditionalOnProperty(name = "server.forward-headers-strategy", havingValue = "framework")
    FilterRegistrationBean<ForwardedHeaderFilter> trustedForwardedHeaderFilter(
            TrustedProxiesProperties properties, ObjectProvider<ForwardedHeaderFilterCustomizer> customizers) {
        TrustedProxies proxies = TrustedProxies.of(properties.proxies());
        log.info("forwarded headers are believed from {} only (TRUSTED_PROXIES)", proxies);
        ForwardedHeaderFilter filter = new TrustedForwardedHeaderFilter(proxies);
        customizers.orderedStream().forEach(customizer -> customizer.customize(filter));
        FilterRegistrationBean<ForwardedHeaderFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        registration.setOrder(FORWARDED_HEADERS_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(RequestLimitsProperties properties,
                                                                          Environment environment) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(new RequestBodyLimits(properties), multipartMax(environment)));
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        registration.setOrder(BODY_LIMIT_ORDER);
        return registration;
    }

    /** What bounds the container's multipart parse: Boot's {@code max-request-size} (10 MB unless set; -1 = none). */
    private static long multipartMax(Environment environment) {
        return Binder.get(environment).bind(MULTIPART_MAX_REQUEST_SIZE, DataSize.class)
                .orElse(DEFAULT_MULTIPART_MAX_REQUEST_SIZE).toBytes();
    }

    @Bean
    RequestBodyLimitAdvice requestBodyLimitAdvice() {
        return new RequestBodyLimitAdvice();
    }

    /** A refused request's body is dropped with its connection, not read to its end ({@link UnreadBodyValve}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.startup.Tomcat",
            "org.springframework.boot.tomcat.TomcatContextCustomizer"})
    static class TomcatEdge {

        @Bean
        TomcatContextCustomizer unreadBodyValve() {
            return context -> context.getPipeline().addValve(new UnreadBodyValve());
        }
    }
}
