package io.tradingedu.api.support;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute links to other endpoints, built from the current request so proxies' prefixes are kept. */
public final class Links {

    private Links() {
    }

    /** E.g. {@code to("/clips/{id}/thumbnail", id)}. */
    public static String to(String path, Object... variables) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).buildAndExpand(variables)
                .toUriString();
    }
}
