package io.tradingedu.support.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Declares {@code Authorization: Bearer} in a service's OpenAPI document, so that Swagger UI offers "Authorize"
 * and sends the key with every "Try it out".
 */
final class OpenApiBearerScheme {

    static final String NAME = "bearer";

    private OpenApiBearerScheme() {
    }

    static OpenApiCustomizer customizer() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSecuritySchemes(NAME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").description("An API key (te_...), the service token or a JWT of the "
                            + "configured issuer; scopes read, write, admin (docs/security.md)"));
            openApi.addSecurityItem(new SecurityRequirement().addList(NAME));
        };
    }
}
