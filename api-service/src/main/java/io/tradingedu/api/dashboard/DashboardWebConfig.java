package io.tradingedu.api.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Serves the dashboard (static ES modules, no build step) under {@code /ui/}, a prefix no REST path uses. Every
 * page address ({@code /ui/lessons/<id>}, ...) is answered with the app shell, {@code index.html}, whose router then
 * shows the page, so deep links and reloads work; a missing file (a name with a dot, or anything under
 * {@code assets/}) is a 404. The shell's {@code <base href>} is the public address of {@code /ui/}: behind nginx
 * ({@code X-Forwarded-Prefix: /api}) that is {@code /api/ui/}, and the app finds the API next to it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DashboardProperties.class)
class DashboardWebConfig implements WebMvcConfigurer {

    static final String PREFIX = "/ui/";
    private static final String SHELL = "index.html";
    private static final String BASE_PLACEHOLDER = "<base href=\"/ui/\">";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(PREFIX + "**")
                .addResourceLocations("classpath:/static/ui/")
                // no content hashes in the names (no bundler): the browser revalidates, a deploy shows at once
                .setCacheControl(CacheControl.noCache())
                .resourceChain(false)
                .addResolver(new AppShellResolver())
                .addTransformer(new BaseHrefTransformer());
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", PREFIX);
        registry.addRedirectViewController("/ui", PREFIX);
        // the resource handler takes no empty path: the bare prefix is the shell's own file
        registry.addViewController(PREFIX).setViewName("forward:" + PREFIX + SHELL);
    }

    /** A file that exists; else the app shell for a page address; else nothing (404). */
    static final class AppShellResolver extends PathResourceResolver {

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            boolean page = resourcePath.endsWith("/")
                    || !resourcePath.startsWith("assets/") && !resourcePath.contains(".");
            Resource file = page ? null : super.getResource(resourcePath, location);
            if (file != null || !page) {
                return file;
            }
            return super.getResource(SHELL, location);
        }
    }

    /** Puts the public address of {@code /ui/} into the shell's {@code <base href>}. */
    static final class BaseHrefTransformer implements ResourceTransformer {

        @Override
        public Resource transform(HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
                throws IOException {
            Resource transformed = chain.transform(request, resource);
            if (!SHELL.equals(transformed.getFilename())) {
                return transformed;
            }
            String html = transformed.getContentAsString(StandardCharsets.UTF_8);
            String base = ServletUriComponentsBuilder.fromContextPath(request).path(PREFIX).build().getPath();
            return new TransformedResource(transformed, html.replace(BASE_PLACEHOLDER,
                    "<base href=\"" + htmlAttribute(base) + "\">").getBytes(StandardCharsets.UTF_8));
        }

        private static String htmlAttribute(String value) {
            String escaped = value;
            for (List<String> pair : List.of(List.of("&", "&amp;"), List.of("\"", "&quot;"), List.of("<", "&lt;"),
                    List.of(">", "&gt;"))) {
                escaped = escaped.replace(pair.get(0), pair.get(1));
            }
            return escaped;
        }
    }
}
