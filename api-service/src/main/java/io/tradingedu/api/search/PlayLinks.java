package io.tradingedu.api.search;

import io.tradingedu.api.support.Links;

/**
 * Makes embeddings-service's play paths ({@code /clip/{id}/download}, {@code /media_items/{id}/video#t=62.0}) absolute
 * links on api-service, through {@link Links} so a proxy's prefix is kept, and with the media fragment unchanged.
 */
final class PlayLinks {

    private PlayLinks() {
    }

    /**
     * The absolute link, or {@code null} when {@code play} is not a path on this service (absent, a URL,
     * {@code //host}); must be called while a request is being handled.
     */
    static String absolute(String play) {
        if (play == null || !play.startsWith("/") || play.startsWith("//") || play.contains("\\")) {
            return null;
        }
        int hash = play.indexOf('#');
        String path = hash < 0 ? play : play.substring(0, hash);
        String fragment = hash < 0 ? "" : play.substring(hash);
        // the path goes in as a variable, so braces in it are text rather than a template
        return Links.to("{path}", path) + fragment;
    }
}
