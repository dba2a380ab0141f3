package io.tradingedu.api.support;

import io.tradingedu.support.web.BadFieldException;

/**
 * A request parameter that cannot be used; answered (by the shared advice) as a 400 problem naming the field and the
 * reason.
 */
public class BadParameterException extends BadFieldException {

    /**
     * @param field  the parameter as the client spelled it, e.g. {@code min_confidence}
     * @param reason what is wrong with it, e.g. {@code must be between 0 and 1; got 1.5}
     */
    public BadParameterException(String field, String reason) {
        super(field, reason);
    }
}
